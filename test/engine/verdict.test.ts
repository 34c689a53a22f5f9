import { describe, expect, it } from 'vitest';
import { gatePasses, requirementVerdict } from '../../src/engine/verdict.js';
import type { Finding } from '../../src/engine/finding.js';

const error = (rule: string): Finding => ({ rule, severity: 'error', args: {} });
const warning: Finding = { rule: 'proof/unknown-id', severity: 'warning', args: {} };

describe('requirementVerdict (docs/product.md)', () => {
  it.each([
    ['conforme, no finding', 'conforme', [], 'conforme'],
    ['conforme with a warning', 'conforme', [warning], 'conforme'],
    ['missing proof', 'conforme', [error('coverage/missing-proof')], 'incomplet'],
    ['status missing', undefined, [error('status/missing')], 'incomplet'],
    ['en-cours', 'en-cours', [error('status/in-progress')], 'incomplet'],
    ['bad file beats missing proof', 'conforme', [error('coverage/missing-proof'), error('file/empty')], 'non-conforme'],
    ['artefact validator error', 'conforme', [error('cda/realm-code')], 'non-conforme'],
    ['non-applicable justified', 'non-applicable', [], 'non-applicable'],
    ['non-applicable refused', 'non-applicable', [error('status/non-applicable-not-conditional')], 'non-conforme'],
  ] as const)('%s → %s', (_name, status, findings, verdict) => {
    expect(requirementVerdict(status, findings)).toBe(verdict);
  });
});

describe('gatePasses', () => {
  const exigence = (verdict: 'conforme' | 'incomplet' | 'non-conforme' | 'non-applicable', findings: Finding[] = []) => ({ nature: 'EXIGENCE' as const, verdict, findings });
  const preconisation = (verdict: 'conforme' | 'incomplet' | 'non-conforme', findings: Finding[] = []) => ({ nature: 'PRECONISATION' as const, verdict, findings });
  it.each([
    ['all conforme', [exigence('conforme'), exigence('non-applicable')], [], false, true],
    ['EXIGENCE incomplet', [exigence('incomplet')], [], false, false],
    ['EXIGENCE non-conforme', [exigence('non-conforme')], [], false, false],
    ['PRECONISATION non-conforme', [exigence('conforme'), preconisation('non-conforme')], [], false, true],
    ['warning, not strict', [exigence('conforme', [warning])], [], false, true],
    ['warning on an EXIGENCE, strict', [exigence('conforme', [warning])], [], true, false],
    ['bundle warning, strict', [exigence('conforme')], [warning], true, false],
    ['warning on a PRECONISATION, strict', [preconisation('conforme', [warning])], [], true, true],
  ] as const)('%s', (_name, requirements, bundleFindings, strict, passes) => {
    expect(gatePasses({ requirements, bundleFindings, strict })).toBe(passes);
  });
});
