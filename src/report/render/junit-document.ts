// A JUnit XML document (the shape GitLab, Jenkins and GitHub test reporters read): one suite, its
// properties, its test cases. Shared by `check` (one case per requirement) and `validate` (one per file).
import type { ReportFinding } from '../model.js';
import { escapeMarkup as x } from './escape.js';
import { findingLine, type Translate } from './wording.js';

export interface TestCase {
  classname: string;
  name: string;
  failure?: { type: string; message: string; findings: readonly ReportFinding[] };
  skipped?: string;
  output: readonly ReportFinding[];
}

export interface JunitSuite {
  name: string;
  properties: [name: string, value: string][];
  cases: readonly TestCase[];
}

export function junitDocument(t: Translate, suite: JunitSuite): string {
  const failures = suite.cases.filter((testCase) => testCase.failure).length;
  const skipped = suite.cases.filter((testCase) => testCase.skipped !== undefined).length;
  const counts = `tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="segur" ${counts}>`,
    `  <testsuite name="${x(suite.name)}" ${counts}>`,
    '    <properties>',
    ...suite.properties.map(([name, value]) => `      <property name="${x(name)}" value="${x(value)}"/>`),
    '    </properties>',
    ...suite.cases.flatMap((testCase) => testCaseLines(t, testCase)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
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

function lines(t: Translate, findings: readonly ReportFinding[]): string {
  return findings.map((finding) => `${findingLine(t, finding)} [${finding.rule}]`).join('\n');
}
