// CDA R2 validator: safe read, then every header rule (a rule that throws becomes a finding),
// then the INS checks on the patient's identifiers.
import type { ArtefactFinding, ArtefactResult, ArtefactValidator } from '../types.js';
import { readProblemFinding } from '../read-findings.js';
import { readCdaFile } from './read-cda.js';
import { CDA_RULES } from './rules/index.js';
import { checkCdaIdentities } from './patient-identity.js';

export const cdaValidator: ArtefactValidator = {
  kind: 'cda',
  async validate(input) {
    return validateCdaFile(input.absolutePath);
  },
};

export function validateCdaFile(path: string): ArtefactResult {
  const outcome = readCdaFile(path);
  if (outcome.status === 'not-cda') {
    return { findings: [{ rule: 'cda/not-cda', severity: 'error', args: { root: outcome.root }, location: `/${outcome.root}` }], identities: [] };
  }
  if (outcome.status !== 'cda') return { findings: [readProblemFinding('cda', outcome)], identities: [] };
  const { document } = outcome;
  const findings: ArtefactFinding[] = [];
  for (const rule of CDA_RULES) {
    try {
      findings.push(...rule.check(document));
    } catch (error) {
      findings.push({
        rule: 'cda/rule-crashed',
        severity: 'error',
        args: { rule: rule.code, detail: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  const identity = checkCdaIdentities(document.root);
  findings.push(...identity.findings);
  return { findings, identities: identity.identities };
}
