// Small synthetic TestContenuCDA trees for the compiler's unit tables: files written in a
// temporary folder, compiled, run on a document given as text.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileSchematron } from '../../src/cisis/compile/compile-schema.js';
import type { Pack } from '../../src/cisis/pack.js';
import { preparePack, runPack } from '../../src/cisis/run/run-pack.js';
import { checkXPathSyntax } from '../../src/cisis/run/xpath-engine.js';

export const SCH_NS = 'http://purl.oclc.org/dsdl/schematron';

/** Writes `files` (relative path → content) into a new temporary tree; returns its root. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'segur-cisis-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A volet schematron with the usual namespaces around `body`. */
export function schema(body: string, attributes = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="${SCH_NS}" queryBinding="xslt2" ${attributes}>
  <title>Test</title>
  <ns prefix="cda" uri="urn:hl7-org:v3"/>
  <ns prefix="svs" uri="urn:ihe:iti:svs:2008"/>
  <ns prefix="xsi" uri="http://www.w3.org/2001/XMLSchema-instance"/>
${body}
</schema>`;
}

export function compileTree(files: Record<string, string>, main = 'schematrons/CI-SIS_TEST_2024.01.sch', phase?: string): { pack: Pack; root: string } {
  const root = writeTree(files);
  return { pack: compileSchematron(root, main, { checkXPath: checkXPathSyntax, ...(phase ? { phase } : {}) }).pack, root };
}

/** Compiles then runs on `document`; returns findings as compact strings `severity rule @location: text`. */
export function run(files: Record<string, string>, document: string, phase?: string): { pack: Pack; findings: string[]; fired: number } {
  const { pack } = compileTree(files, undefined, phase);
  const outcome = runPack(preparePack(pack), document);
  return {
    pack,
    fired: outcome.firedRules,
    findings: outcome.findings.map(
      (finding) => `${finding.severity} ${finding.rule} @${finding.location}${finding.line !== undefined ? `:${finding.line}` : ''}: ${String(finding.args.ansText ?? finding.args.jdv ?? finding.args.detail ?? '')}`,
    ),
  };
}

/** A minimal CDA-like document in the HL7 v3 namespace around `body`. */
export function cda(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</ClinicalDocument>`;
}

export function valueSet(concepts: [string, string, string][]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<RetrieveValueSetResponse xmlns="urn:ihe:iti:svs:2008"><ValueSet id="1.2.3"><ConceptList>
${concepts.map(([code, codeSystem, displayName]) => `<Concept code="${code}" codeSystem="${codeSystem}" displayName="${displayName}"/>`).join('\n')}
</ConceptList></ValueSet></RetrieveValueSetResponse>`;
}
