import { classificationsOf, XDS_SCHEMES } from '../metadata.js';
import { EntryReport, type XdmEntryRule } from './rule.js';

export const typeCodeRule: XdmEntryRule = {
  code: 'xdm/type-code',
  severity: 'error',
  description: 'La classification typeCode reprend le code du CDA (et son système de codes).',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (!cda) return [];
    const types = classificationsOf(entry, XDS_SCHEMES.typeCode);
    const matches = types.some((type) => type.code === cda.code && (!type.codingScheme || !cda.codeSystem || type.codingScheme === cda.codeSystem));
    const found = types[0] ? codeAndSystem(types[0].code, types[0].codingScheme) : undefined;
    report.compare(entry, 'Classification[typeCode]', codeAndSystem(cda.code, cda.codeSystem), found, () => matches);
    return report.findings;
  },
};

function codeAndSystem(code: string | undefined, system: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return system ? `${code} (${system})` : code;
}
