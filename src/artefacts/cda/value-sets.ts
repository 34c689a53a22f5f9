// Value sets shipped as data (data/): the document types of the JDV J07 XdsTypeCode (CI-SIS).
import { readFileSync } from 'node:fs';
import { decodeRunInput } from '../../io/safe-open.js';

interface ValueSetFile {
  id: string;
  oid: string;
  systems: Record<string, { name: string; codes: string[] }>;
}

let documentTypes: Map<string, Set<string>> | undefined;

function loadDocumentTypes(): Map<string, Set<string>> {
  const url = new URL('../../../data/jdv-j07-xds-type-code.json', import.meta.url);
  const file = JSON.parse(decodeRunInput(readFileSync(url), url.pathname)) as ValueSetFile;
  return new Map(Object.entries(file.systems).map(([system, { codes }]) => [system, new Set(codes)]));
}

export function isInDocumentTypeValueSet(codeSystem: string, code: string): boolean {
  documentTypes ??= loadDocumentTypes();
  return documentTypes.get(codeSystem)?.has(code) ?? false;
}
