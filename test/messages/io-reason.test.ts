// The reason given for a file-system error (ENOENT, EACCES…) follows the run's language, as every
// other word of a message: the error carries the errno code, the catalogs hold the wording.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { describeIoError } from '../../src/errors.js';
import { formatMessage } from '../../src/messages/index.js';
import { runCli, projectRoot } from '../helpers/cli.js';

const REASONS: [code: string, fr: string, en: string][] = [
  ['ENOENT', 'fichier ou dossier introuvable (ENOENT)', 'no such file or folder (ENOENT)'],
  ['EACCES', 'accès refusé (EACCES)', 'permission denied (EACCES)'],
  ['EPERM', 'accès refusé (EPERM)', 'permission denied (EPERM)'],
  ['EISDIR', 'c’est un dossier (EISDIR)', 'it is a folder (EISDIR)'],
  ['ENOTDIR', 'un élément du chemin n’est pas un dossier (ENOTDIR)', 'a part of the path is not a folder (ENOTDIR)'],
  ['ENOSPC', 'plus de place sur le disque (ENOSPC)', 'no space left on the disk (ENOSPC)'],
  ['ENXIO', 'personne ne lit à l’autre bout du tube (ENXIO)', 'nobody reads at the other end of the pipe (ENXIO)'],
  ['EPIPE', 'le lecteur a fermé le tube (EPIPE)', 'the reader closed the pipe (EPIPE)'],
  ['EROFS', 'système de fichiers en lecture seule (EROFS)', 'read-only file system (EROFS)'],
  ['ELOOP', 'trop de liens symboliques enchaînés (ELOOP)', 'too many chained symbolic links (ELOOP)'],
  ['EMFILE', 'EMFILE', 'EMFILE'],
];

describe('file-system error reasons', () => {
  it.each(REASONS)('%s reads in French and in English', (code, fr, en) => {
    const args = { file: 'out.json', reason: describeIoError({ code }) };
    expect(formatMessage('io/output-not-writable', args, { lang: 'fr' })).toContain(`out.json : ${fr}\n`);
    expect(formatMessage('io/output-not-writable', args, { lang: 'en' })).toContain(`out.json: ${en}\n`);
  });

  it('an error without a code gives its own text', () => {
    expect(describeIoError(new Error('boom'))).toBe('boom');
  });

  it('no French leaks under --lang en (missing bundle, output into a missing folder)', () => {
    const missing = runCli(['--lang', 'en', 'check', 'nope'], { cwd: projectRoot });
    expect(missing).toMatchObject({ status: 2, stderr: 'segur: The evidence bundle "nope" cannot be found or is not a folder (no such file or folder (ENOENT)).\n' });
    const out = runCli(['--lang', 'en', 'check', join(projectRoot, 'fixtures', 'bundles', 'missing-proof'), '-o', '/nonexist/x.json'], { cwd: projectRoot });
    expect(out).toMatchObject({ status: 2, stderr: 'segur: Cannot write the output file /nonexist/x.json: no such file or folder (ENOENT)\nCheck that the folder exists and that you may write to it.\n' });
    const french = runCli(['check', 'nope'], { cwd: projectRoot });
    expect(french.stderr).toBe('segur : Le dossier de preuves « nope » est introuvable ou n’est pas un dossier (fichier ou dossier introuvable (ENOENT)).\n');
  });
});
