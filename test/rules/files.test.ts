import { describe, expect, it } from 'vitest';
import { fileNotFound } from '../../src/rules/files/not-found.js';
import { pathEscape } from '../../src/rules/files/path-escape.js';
import { symlinkEscape } from '../../src/rules/files/symlink-escape.js';
import { fileNotAFile } from '../../src/rules/files/not-a-file.js';
import { fileTooLarge } from '../../src/rules/files/too-large.js';
import { fileFolderTooDeep } from '../../src/rules/files/folder-too-deep.js';
import { fileUnreadable } from '../../src/rules/files/unreadable.js';
import { fileEmpty } from '../../src/rules/files/empty.js';
import { fileSha256Mismatch } from '../../src/rules/files/sha256-mismatch.js';
import { fileKindMismatch } from '../../src/rules/files/kind-mismatch.js';
import type { AttachedFile } from '../../src/bundle/model.js';
import type { RequirementRule } from '../../src/rules/rule.js';
import { PNG, readFile, runRequirementRule, sha, unreadFile } from './harness.js';

const PROOF = 'INS/va1.02.02.01';
const good = await readFile('proofs/INS_va1.02.02.01/ok.png', PNG, { declaredKind: 'screenshot', declaredSha256: sha(PNG) });

interface FileCase {
  name: string;
  file: AttachedFile;
  /** Expected message args beyond `path`; undefined when the rule must stay silent. */
  flagged?: Record<string, unknown>;
}

const tables: Array<[RequirementRule, FileCase[]]> = [
  [fileNotFound, [{ name: 'read file', file: good }, { name: 'missing', file: unreadFile('x.png', { status: 'not-found' }), flagged: {} }]],
  [pathEscape, [{ name: 'read file', file: good }, { name: 'absolute or ..', file: unreadFile('../etc/passwd', { status: 'path-escape' }), flagged: {} }]],
  [symlinkEscape, [{ name: 'read file', file: good }, { name: 'symlink out', file: unreadFile('proofs/link', { status: 'symlink-escape' }), flagged: {} }]],
  [fileNotAFile, [{ name: 'read file', file: good }, { name: 'folder', file: unreadFile('proofs', { status: 'not-a-file' }), flagged: {} }]],
  [
    fileFolderTooDeep,
    [
      { name: 'read file', file: good },
      { name: 'folder within the walk', file: unreadFile('proofs', { status: 'not-a-file' }) },
      { name: 'folder beyond the walk', file: unreadFile('proofs/P/a/b', { status: 'folder-too-deep', max: 16 }), flagged: { max: 16 } },
    ],
  ],
  [
    fileTooLarge,
    [
      { name: 'read file', file: good },
      { name: 'over the cap', file: unreadFile('big.bin', { status: 'too-large', size: 3, max: 2 }), flagged: { size: 3, max: 2 } },
    ],
  ],
  [
    fileUnreadable,
    [
      { name: 'read file', file: good },
      { name: 'permission denied', file: unreadFile('x.png', { status: 'unreadable', reason: 'EACCES' }), flagged: { reason: 'EACCES' } },
    ],
  ],
  [fileEmpty, [{ name: 'non-empty', file: good }, { name: 'zero bytes', file: await readFile('empty.png', ''), flagged: {} }]],
  [
    fileSha256Mismatch,
    [
      { name: 'matching digest', file: good },
      { name: 'no digest declared', file: await readFile('a.png', PNG) },
      {
        name: 'different digest',
        file: await readFile('a.png', PNG, { declaredSha256: 'a'.repeat(64) }),
        flagged: { expected: 'a'.repeat(64), actual: sha(PNG) },
      },
    ],
  ],
  [
    fileKindMismatch,
    [
      { name: 'PNG declared screenshot', file: good },
      { name: 'undeclared kind', file: await readFile('a.pdf', '%PDF-1.7\n') },
      { name: 'document accepts anything', file: await readFile('a.pdf', '%PDF-1.7\n', { declaredKind: 'document' }) },
      { name: 'log accepts XML text', file: await readFile('a.xml', '<a/>', { declaredKind: 'log' }) },
      { name: 'empty file is another rule’s business', file: await readFile('a.png', '', { declaredKind: 'screenshot' }) },
      { name: 'PDF declared screenshot', file: await readFile('a.pdf', '%PDF-1.7\n', { declaredKind: 'screenshot' }), flagged: { declared: 'screenshot', detected: 'PDF' } },
      { name: 'PNG declared cda', file: await readFile('a.png', PNG, { declaredKind: 'cda' }), flagged: { declared: 'cda', detected: 'PNG' } },
      { name: 'binary declared log', file: await readFile('a.bin', Buffer.from([0, 1, 2]), { declaredKind: 'log' }), flagged: { declared: 'log', detected: 'binaire' } },
    ],
  ],
];

for (const [rule, cases] of tables) {
  describe(rule.code, () => {
    it.each(cases)('$name', ({ file, flagged }) => {
      const expected = flagged ? [{ proof: PROOF, file: file.ref.path, args: { path: file.ref.path, ...flagged } }] : [];
      expect(runRequirementRule(rule, { name: '', files: { [PROOF]: [file] }, expected })).toEqual(expected);
    });
  });
}
