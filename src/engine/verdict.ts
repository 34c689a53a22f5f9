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
  /** `--strict` / `--fail-level warning`. */
  strict: boolean;
  /** `--max-warnings N`. */
  maxWarnings?: number;
}

/**
 * Fails on an EXIGENCE non-conforme or incomplet; with `strict`, also on any warning outside
 * PRECONISATIONs; with `maxWarnings`, when those warnings are more than it.
 */
export function gatePasses({ requirements, bundleFindings, strict, maxWarnings }: GateInput): boolean {
  const exigences = requirements.filter((requirement) => requirement.nature === 'EXIGENCE');
  if (exigences.some((requirement) => requirement.verdict === 'non-conforme' || requirement.verdict === 'incomplet')) return false;
  const warnings = gatingWarnings(requirements, bundleFindings);
  if (strict && warnings > 0) return false;
  return maxWarnings === undefined || warnings <= maxWarnings;
}

/** Warnings the gate counts: those outside PRECONISATIONs (a PRECONISATION never fails the gate). */
export function gatingWarnings(
  requirements: readonly { nature: Nature; findings: readonly { severity: string }[] }[],
  bundleFindings: readonly { severity: string }[],
): number {
  const count = (findings: readonly { severity: string }[]) => findings.filter((finding) => finding.severity === 'warning').length;
  return count(bundleFindings) + requirements.filter((requirement) => requirement.nature === 'EXIGENCE').reduce((total, requirement) => total + count(requirement.findings), 0);
}
