// Why the gate failed, in words every format shares (tty, JUnit): the verdicts, the warnings under
// --strict / --fail-level warning, or the count beyond --max-warnings.
import type { ReportContext, RequirementResult } from '../model.js';
import type { Translate } from './wording.js';

export type GateReason = 'pass' | 'requirements' | 'warnings' | 'max-warnings';

export function gateReason(context: ReportContext): GateReason {
  if (context.report.verdict === 'pass') return 'pass';
  if (context.report.requirements.some(failsOnVerdict)) return 'requirements';
  const warnings = context.gatingWarnings ?? 0;
  if (context.maxWarnings !== undefined && warnings > context.maxWarnings && !(context.strict && warnings > 0)) return 'max-warnings';
  return 'warnings';
}

export function gateFailureText(context: ReportContext, t: Translate): string {
  switch (gateReason(context)) {
    case 'max-warnings':
      return t('report/gate.fail-max-warnings', { count: context.gatingWarnings ?? 0, max: context.maxWarnings ?? 0 });
    case 'warnings':
      return t('report/gate.fail-warnings', { count: context.gatingWarnings ?? 0 });
    default:
      return t(`report/gate.${context.report.verdict}`);
  }
}

function failsOnVerdict(result: RequirementResult): boolean {
  return result.nature === 'EXIGENCE' && (result.verdict === 'non-conforme' || result.verdict === 'incomplet');
}
