// INSi response validator: the answer code, the active INS (OID, shape, key) and the identity
// traits (TIQ) the teleservice returned, checked against each other.
import { definedOnly } from '../defined-only.js';
import type { ArtefactFinding, ArtefactResult, ArtefactValidator, PatientIdentity } from '../types.js';
import { readProblemFinding } from '../read-findings.js';
import { childrenNamed, displayName, firstChild, pathOf, type XmlNode } from '../xml/node.js';
import { DEFAULT_LIMITS, readXml } from '../xml/read-xml.js';
import { isIsoDate } from '../formats.js';
import { checkIns } from './check-ins.js';
import { findInsiResult, firstGivenName, INSI_NAMESPACE } from './insi-response.js';
import { appendAll } from '../../util/append.js';

export const INSI_CHECKS = {
  'insi/not-insi': 'error',
  'insi/code-cr': 'warning',
  'insi/no-ins-actif': 'error',
  'insi/tiq': 'error',
} as const;

export const insValidator: ArtefactValidator = {
  kind: 'ins',
  maxBytes: DEFAULT_LIMITS.maxBytes,
  validate: async (bytes) => validateInsiBytes(bytes),
};

/** `bytes`: a whole INSi teleservice answer (SOAP envelope or bare RESULTAT). */
export function validateInsiBytes(bytes: Uint8Array): ArtefactResult {
  // Elements outside INSiResultat (the SOAP envelope, any extension) are named `{uri}local`: a
  // foreign `Cle` or `TIQ` is never taken for the answer's.
  const outcome = readXml(bytes, { homeNamespace: INSI_NAMESPACE });
  if (outcome.status === 'fault-after-tree') return { findings: [readProblemFinding('insi', outcome.fault)], identities: [] };
  if (outcome.status !== 'ok') return { findings: [readProblemFinding('insi', outcome)], identities: [] };
  const response = findInsiResult(outcome.root);
  if (!response) {
    return { findings: [finding('insi/not-insi', { root: displayName(outcome.root.name) }, outcome.root)], identities: [] };
  }
  const findings: ArtefactFinding[] = [];
  const code = response.codeCr?.text;
  if (code !== '00') {
    findings.push(finding('insi/code-cr', { code: code ?? '∅', label: response.libelleCr ?? '' }, response.codeCr ?? response.result));
    return { findings, identities: [] };
  }
  const active = response.insActif;
  const number = firstChild(firstChild(active, 'IdIndividu'), 'NumIdentifiant')?.text;
  const key = firstChild(firstChild(active, 'IdIndividu'), 'Cle')?.text;
  const oid = firstChild(active, 'OID')?.text;
  if (!active || !number || key === undefined || !oid) {
    findings.push(finding('insi/no-ins-actif', {}, active ?? response.individual ?? response.result));
    return { findings, identities: [] };
  }
  const tiq = response.tiq;
  const traits = tiq ? checkTiq(tiq, findings) : undefined;
  if (!tiq) findings.push(tiqFinding(response.individual ?? response.result, 'TIQ', '1', '0'));
  const ins = number + key;
  appendAll(
    findings,
    checkIns(
      { value: ins, oid, location: pathOf(active), line: active.line },
      { sex: traits?.sex, birthDate: traits?.birthDate, birthplace: traits?.birthplace },
    ),
  );
  const historicalIns = checkHistoricalIns(response.individual, findings);
  const identity: PatientIdentity = {
    ins,
    oid,
    ...definedOnly(traits ?? {}),
    location: pathOf(active),
    ...(historicalIns.length > 0 ? { historicalIns } : {}),
  };
  return { findings, identities: [identity] };
}

/** Former numbers (INSHISTO): shape and key only, as sex and birthplace may have changed since. */
function checkHistoricalIns(individual: XmlNode | undefined, findings: ArtefactFinding[]): string[] {
  const values: string[] = [];
  for (const historical of childrenNamed(individual, 'INSHISTO')) {
    const id = firstChild(historical, 'IdIndividu');
    const value = (firstChild(id, 'NumIdentifiant')?.text ?? '') + (firstChild(id, 'Cle')?.text ?? '');
    const oid = firstChild(historical, 'OID')?.text ?? '';
    const checks = checkIns({ value, oid, location: pathOf(historical), line: historical.line }, {});
    appendAll(findings, checks.filter((finding) => finding.rule !== 'ins/production-oid'));
    if (value) values.push(value);
  }
  return values;
}

function checkTiq(tiq: XmlNode, findings: ArtefactFinding[]): Omit<PatientIdentity, 'ins' | 'oid'> {
  const text = (name: string): string | undefined => firstChild(tiq, name)?.text || undefined;
  const family = text('NomNaissance');
  if (!family) findings.push(tiqFinding(tiq, 'NomNaissance', '1', '0'));
  if (!text('ListePrenom')) findings.push(tiqFinding(tiq, 'ListePrenom', '1', '0'));
  const sex = text('Sexe');
  if (sex !== 'M' && sex !== 'F') findings.push(tiqFinding(tiq, 'Sexe', 'M | F', sex ? `"${sex}"` : '∅'));
  const birthDate = text('DateNaissance');
  if (!birthDate || !isIsoDate(birthDate)) findings.push(tiqFinding(tiq, 'DateNaissance', 'AAAA-MM-JJ', birthDate ? `"${birthDate}"` : '∅'));
  const birthplace = text('LieuNaissance');
  if (!birthplace || !/^[0-9][0-9AB][0-9]{3}$/.test(birthplace)) {
    findings.push(tiqFinding(tiq, 'LieuNaissance', 'COG (5)', birthplace ? `"${birthplace}"` : '∅'));
  }
  return {
    birthFamilyName: family,
    firstBirthGivenName: firstGivenName(tiq),
    sex: sex === 'M' || sex === 'F' ? sex : undefined,
    birthDate: birthDate && isIsoDate(birthDate) ? birthDate.replaceAll('-', '') : undefined,
    birthplace,
  };
}

function finding(rule: keyof typeof INSI_CHECKS, args: ArtefactFinding['args'], at: XmlNode): ArtefactFinding {
  return { rule, severity: INSI_CHECKS[rule], args, location: pathOf(at), line: at.line };
}

function tiqFinding(at: XmlNode, element: string, expected: string, found: string): ArtefactFinding {
  return { rule: 'insi/tiq', severity: 'error', args: { element, expected, found }, location: `${pathOf(at)}/${element}`, line: at.line };
}
