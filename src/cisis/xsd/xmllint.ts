// Optional XML Schema validation of CDA documents (`--xsd`) against the tree's
// infrastructure/cda/CDA_extended.xsd (HL7 CDA R2 with the French extensions), by Debian's
// `xmllint` (libxml2-utils, ≈30 ms per document): a kept library rather than an XSD engine of our
// own. The document goes on standard input; `--nonet` forbids any network access and entity
// substitution is never enabled (no `--noent`): the document cannot make xmllint read a file.
import { spawnSync } from 'node:child_process';
import type { ArtefactFinding } from '../../artefacts/types.js';

const XMLLINT = 'xmllint';
/** A document xmllint has not finished with after this long is reported, not waited for. */
const TIMEOUT_MS = 60_000;

export function xmllintAvailable(): boolean {
  const probe = spawnSync(XMLLINT, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return probe.error === undefined && probe.status === 0;
}

/** `xsd`: absolute path of the schema. One finding per validity error, with its line. */
export function xsdFindings(bytes: Uint8Array, xsd: string): ArtefactFinding[] {
  const run = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', xsd, '-'], { input: bytes, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) return [{ rule: 'cisis/xsd-failed', severity: 'warning', args: { detail: run.error.message } }];
  const findings: ArtefactFinding[] = [];
  for (const line of run.stderr.split('\n')) {
    const error = /^-:(\d+): (?:element ([^:]+): )?Schemas validity error : (.*)$/.exec(line);
    if (error) findings.push({ rule: 'cda/xsd', severity: 'error', args: { detail: error[3]!.replace(/\{urn:hl7-org:v3\}/g, '') }, line: Number(error[1]) });
  }
  // 0: valid; 3: invalid (the errors above). Anything else (1–2 unreadable, 4 schema unusable…) is said as such.
  if (run.status !== 0 && run.status !== 3) {
    const detail = run.stderr.split('\n').filter((line) => line && !/Schemas parser warning/.test(line)).slice(0, 3).join(' ; ');
    findings.push({ rule: 'cisis/xsd-failed', severity: 'warning', args: { detail: detail || `xmllint ${run.status ?? run.signal}` } });
  }
  return findings;
}
