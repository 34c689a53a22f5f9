// Limits of the safe XML reader and how each stop becomes a finding.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXmlFile } from '../helpers/artefact-files.js';
import { readProblemFinding } from '../../src/artefacts/read-findings.js';

const dir = mkdtempSync(join(tmpdir(), 'segur-read-xml-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readXmlFile limits', () => {
  const nested = file('nested.xml', '<a>\n<b>\n<c>\n<d/>\n</c>\n</b>\n</a>');

  it('reads a small document into a tree with lines and trimmed text', () => {
    const outcome = readXmlFile(file('small.xml', '<r x="1">\n  <t> Texte &amp; &#233;té </t>\n</r>'));
    if (outcome.status !== 'ok') throw new Error(outcome.status);
    expect(outcome.root.attrs).toEqual({ x: '1' });
    expect(outcome.root.children[0]).toMatchObject({ name: 't', text: 'Texte & été', line: 2 });
  });

  it.each([
    [{ maxBytes: 10 }, { status: 'too-large', size: 31, limit: 10 }, { rule: 'cda/too-large', args: { size: 31, limit: 10 } }],
    [{ maxNodes: 3 }, { status: 'too-many-nodes', line: 4, limit: 3 }, { rule: 'cda/too-complex', args: { limit: 3 }, line: 4 }],
    [{ maxDepth: 2 }, { status: 'too-deep', line: 3, limit: 2 }, { rule: 'cda/too-complex', args: { limit: 2 }, line: 3 }],
  ])('stops at %o', (limits, outcome, finding) => {
    const result = readXmlFile(nested, { limits });
    expect(result).toEqual(outcome);
    if (result.status === 'ok') throw new Error('limit expected');
    expect(readProblemFinding('cda', result)).toMatchObject({ severity: 'error', ...finding });
  });

  it('reports truncated documents as not well-formed, with the line', () => {
    const result = readXmlFile(file('truncated.xml', '<a>\n<b>'));
    expect(result).toMatchObject({ status: 'malformed', line: 2 });
  });

  it('keeps no more nodes once the caller has what it needs, and still reads to the end', () => {
    const result = readXmlFile(nested, { onOpen: (node) => (node.name === 'c' ? 'done' : undefined) });
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.root.children[0]!.children.map((node) => node.name)).toEqual(['c']);
    expect(result.root.children[0]!.children[0]!.children).toEqual([]);
  });
});

describe('long base64 runs read in light mode', () => {
  // 6,000 lines of 76 base64 characters: compacted when nothing of them is kept (read-xml.ts `feed`).
  const base64 = Buffer.alloc(6000 * 57, 7).toString('base64').replace(/.{76}/g, '$&\n');
  const faults: [string, string][] = [
    ['an undefined entity after the run', `<a><b>${base64}</b>\n  <c>&nope;</c></a>`],
    ['a mismatched tag after the run', `<a><b>${base64}</b>\n<c></d></a>`],
    ['junk after the root', `<a><b>${base64}</b></a>\n  <second/>`],
    ['a run cut by the end of the file', `<a><b>${base64}`],
    ['a CRLF run, then a fault', `<a><b>${base64.replaceAll('\n', '\r\n')}</b>\n\n   <c>&nope;</c></a>`],
  ];

  it.each(faults)('%s: the fault is where a full read puts it', (_name, text) => {
    const path = file(`run-${text.length}.xml`, text);
    const full = readXmlFile(path);
    const light = readXmlFile(path, { onOpen: (node) => (node.name === 'a' ? 'done' : undefined) });
    expect(full.status).toBe('malformed');
    if (full.status !== 'malformed') throw new Error('fault expected');
    if (light.status !== 'fault-after-tree') throw new Error(`fault after the tree expected, got ${light.status}`);
    expect(light.fault).toEqual({ status: 'malformed', line: full.line, column: full.column, detail: full.detail });
  });

  it('gives a text sink the run\'s exact character count and its first characters', () => {
    const written: string[] = [];
    let skipped = 0;
    const outcome = readXmlFile(file('sink.xml', `<a><b>${base64}</b></a>`), {
      onOpen: (node) => (node.name === 'b' ? { write: (chunk) => void written.push(chunk), skipped: (count) => void (skipped += count), end: () => undefined } : undefined),
    });
    expect(outcome.status).toBe('ok');
    const seen = written.join('');
    expect(seen.startsWith(base64.slice(0, 64))).toBe(true);
    expect(seen.replace(/\s+/g, '').length + skipped).toBe(base64.replace(/\s+/g, '').length);
  });
});

describe('long base64 runs: what compaction must never change (attack findings 4 and 5)', () => {
  const lines = (count: number, char: string) => Array.from({ length: count }, () => char.repeat(76)).join('\n');
  it.each([
    ['a form feed inside a long run', `<a><b>${lines(100, 'A')}\n${'B'.repeat(2000)}\f${'C'.repeat(2000)}\n${lines(100, 'D')}</b></a>`],
    ['a vertical tab inside a long run', `<a><b>${lines(100, 'A')}\n${'B'.repeat(50)}\v${lines(100, 'C')}</b></a>`],
    ['a byte order mark inside a long run', `<a><b>${lines(100, 'A')}\n\uFEFF${lines(100, 'C')}\u0001</b></a>`],
  ])('%s is still a well-formedness fault, at the same place', (_name, text) => {
    const path = file(`ctl-${text.length}.xml`, text);
    const full = readXmlFile(path);
    const light = readXmlFile(path, { onOpen: (node) => (node.name === 'a' ? 'done' : undefined) });
    expect(full.status).toBe('malformed');
    if (full.status !== 'malformed') throw new Error('fault expected');
    const fault = light.status === 'fault-after-tree' ? light.fault : light;
    expect(fault).toEqual({ status: 'malformed', line: full.line, column: full.column, detail: full.detail });
  });

  it('keeps a long whitespace epilog well-formed', () => {
    const text = `<a><b>x</b></a>\n${' '.repeat(100)}\n${' '.repeat(5000)}\n${'\t'.repeat(4000)}\n`;
    const outcome = readXmlFile(file('ws-epilog.xml', text), { onOpen: (node) => (node.name === 'a' ? 'done' : undefined) });
    expect(outcome.status).toBe('ok');
  });

  it('reads a 12 MB base64 run without exhausting the stack', () => {
    const body = Buffer.alloc(9_000_000, 3).toString('base64').replace(/.{76}/g, '$&\n');
    const outcome = readXmlFile(file('huge-run.xml', `<a><b>${body}</b></a>`), { onOpen: (node) => (node.name === 'a' ? 'done' : undefined) });
    expect(outcome.status).toBe('ok');
  });
});
