// JUnit XML for CI test views (GitLab, Jenkins, GitHub test reporters): one testcase per requirement,
// classname = REM chapter; `failure` for non-conforme and incomplet, and — when warnings fail the gate
// (--strict, --fail-level warning) — for an EXIGENCE with a warning; `skipped` for non-applicable.
// Findings outside any requirement make one extra testcase, failing on an error (or a warning that
// fails the gate). The test view always agrees with the exit code: a failed gate no testcase shows
// (--max-warnings) gets a testcase of its own, so `failures` ≥ 1 whenever segur exits 1.
import type { ReportContext, RequirementResult } from '../model.js';
import { requirementTexts } from '../render/catalog-index.js';
import { junitDocument, type TestCase } from '../render/junit-document.js';
import { translator, verdictLabel, type Translate } from '../render/wording.js';
import { gateFailureText } from '../render/gate-text.js';

export function render(context: ReportContext): string {
  const t = translator(context.lang, context.revealIdentifiers);
  const { catalog, bundle, verdict } = context.report;
  return junitDocument(t, {
    name: catalog.id,
    properties: [
      ['catalog', `${catalog.id} — ${catalog.title}`],
      ['catalog.sha256', catalog.sha256],
      ['profiles', bundle.profiles.join(', ')],
      ['gate', verdict],
    ],
    cases: testCases(context, t),
  });
}

function testCases(context: ReportContext, t: Translate): TestCase[] {
  const textOf = requirementTexts(context);
  const cases = context.report.requirements.map((result): TestCase => {
    const text = textOf(result);
    const testCase: TestCase = {
      classname: text.chapter,
      name: text.function === '' ? result.id : `${result.id} — ${text.function}`,
      output: [],
    };
    if (failsGate(context, result)) {
      const message = t('report/junit.failure', {
        verdict: verdictLabel(t, result.verdict),
        nature: t(`report/nature.${result.nature}`),
        count: result.findings.length,
      });
      testCase.failure = { type: result.verdict, message, findings: result.findings };
    } else {
      if (result.verdict === 'non-applicable') testCase.skipped = t('report/junit.skipped');
      testCase.output = result.findings;
    }
    return testCase;
  });
  const general = context.report.findings.filter((finding) => finding.requirement === undefined);
  if (general.length > 0) {
    const fails = general.some((finding) => finding.severity === 'error' || (context.strict && finding.severity === 'warning'));
    const name = t('report/general-findings', { count: general.length });
    cases.push({
      classname: 'segur',
      name,
      ...(fails ? { failure: { type: 'bundle', message: name, findings: general } } : {}),
      output: fails ? [] : general,
    });
  }
  if (context.report.verdict === 'fail' && !cases.some((testCase) => testCase.failure)) cases.push(gateCase(context, t));
  return cases;
}

/** A requirement whose testcase fails: it fails the check, or holds a warning that fails the gate. */
function failsGate(context: ReportContext, result: RequirementResult): boolean {
  if (result.verdict === 'non-conforme' || result.verdict === 'incomplet') return true;
  return context.strict && result.nature === 'EXIGENCE' && result.findings.some((finding) => finding.severity === 'warning');
}

/** The gate failed on a count (--max-warnings), or on findings --quiet left out: said by a testcase of its own. */
function gateCase(context: ReportContext, t: Translate): TestCase {
  return { classname: 'segur', name: t('report/gate.title'), failure: { type: 'gate', message: gateFailureText(context, t), findings: [] }, output: [] };
}
