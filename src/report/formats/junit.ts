// JUnit XML for CI test views (GitLab, Jenkins, GitHub test reporters): one testcase per requirement,
// classname = REM chapter; `failure` for non-conforme and incomplet, `skipped` for non-applicable.
// Findings outside any requirement make one extra testcase, failing when one of them is an error.
import type { ReportContext, ReportFinding } from '../model.js';
import { requirementTexts } from '../render/catalog-index.js';
import { escapeMarkup as x } from '../render/escape.js';
import { findingLine, translator, verdictLabel, type Translate } from '../render/wording.js';

interface TestCase {
  classname: string;
  name: string;
  failure?: { type: string; message: string; findings: ReportFinding[] };
  skipped?: string;
  output: ReportFinding[];
}

export function render(context: ReportContext): string {
  const t = translator(context.lang);
  const cases = testCases(context, t);
  const failures = cases.filter((testCase) => testCase.failure).length;
  const skipped = cases.filter((testCase) => testCase.skipped !== undefined).length;
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  const catalog = context.report.catalog;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="segur" ${counts}>`,
    `  <testsuite name="${x(catalog.id)}" ${counts}>`,
    '    <properties>',
    `      <property name="catalog" value="${x(`${catalog.id} — ${catalog.title}`)}"/>`,
    `      <property name="catalog.sha256" value="${x(catalog.sha256)}"/>`,
    `      <property name="profiles" value="${x(context.report.bundle.profiles.join(', '))}"/>`,
    `      <property name="gate" value="${context.report.verdict}"/>`,
    '    </properties>',
    ...cases.flatMap((testCase) => testCaseLines(t, testCase)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
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
    if (result.verdict === 'non-conforme' || result.verdict === 'incomplet') {
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
    const hasError = general.some((finding) => finding.severity === 'error');
    const name = t('report/general-findings', { count: general.length });
    cases.push({
      classname: 'segur',
      name,
      ...(hasError ? { failure: { type: 'bundle', message: name, findings: general } } : {}),
      output: hasError ? [] : general,
    });
  }
  return cases;
}

function testCaseLines(t: Translate, testCase: TestCase): string[] {
  const open = `    <testcase classname="${x(testCase.classname)}" name="${x(testCase.name)}"`;
  const body: string[] = [];
  if (testCase.failure) {
    const { type, message, findings } = testCase.failure;
    body.push(`      <failure type="${x(type)}" message="${x(message)}">${x(lines(t, findings))}</failure>`);
  }
  if (testCase.skipped !== undefined) body.push(`      <skipped message="${x(testCase.skipped)}"/>`);
  if (testCase.output.length > 0) body.push(`      <system-out>${x(lines(t, testCase.output))}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

function lines(t: Translate, findings: ReportFinding[]): string {
  return findings.map((finding) => `${findingLine(t, finding)} [${finding.rule}]`).join('\n');
}
