// Verdicts and gate exactly as docs/product.md: errors decide (non-conforme before incomplet, by the
// rule's declared effect), then the declared status; PRECONISATION never fails the gate.
import type { Nature } from '../catalog/schema.js';
import type { Verdict } from '../report/model.js';
import { verdictEffect } from '../rules/index.js';
import type { DeclaredStatus } from '../bundle/manifest-schema.js';
import type { Finding } from './finding.js';

export function requirementVerdict(status: DeclaredStatus | undefined, findings: readonly Finding[]): Verdict {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.some((finding) => verdictEffect(finding.rule) === 'non-conforme')) return 'non-conforme';
  if (errors.length > 0) return 'incomplet';
  if (status === 'non-applicable') return 'non-applicable';
  // Missing and en-cours statuses always come with an error finding; this is a safety net.
  return status === 'conforme' ? 'conforme' : 'incomplet';
}

export interface GateInput {
  requirements: readonly { nature: Nature; verdict: Verdict; findings: readonly Finding[] }[];
  bundleFindings: readonly Finding[];
  strict: boolean;
}

/** Fails on an EXIGENCE non-conforme or incomplet; with `strict`, also on any warning outside PRECONISATIONs. */
export function gatePasses({ requirements, bundleFindings, strict }: GateInput): boolean {
  const exigences = requirements.filter((requirement) => requirement.nature === 'EXIGENCE');
  if (exigences.some((requirement) => requirement.verdict === 'non-conforme' || requirement.verdict === 'incomplet')) return false;
  if (!strict) return true;
  const hasWarning = (findings: readonly Finding[]) => findings.some((finding) => finding.severity === 'warning');
  return !hasWarning(bundleFindings) && !exigences.some((requirement) => hasWarning(requirement.findings));
}
