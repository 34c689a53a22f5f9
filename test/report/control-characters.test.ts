// Control characters from evidence — an ESC starting a terminal sequence, CR (overwrites a line, or
// ends a GitHub workflow command), NUL, DEL, C1 controls (NEL), Unicode bidi overrides and isolates
// (text shown in another order than stored, "Trojan Source") — never reach an output raw, whatever
// the format: one neutralising path (report/render/escape.ts), table-tested over every text reporter
// of `check` and of `validate`.
import { describe, expect, it } from 'vitest';
import { loadReporter, type FormatName } from '../../src/report/index.js';
import { renderValidate, VALIDATE_FORMATS } from '../../src/artefacts/validate-output.js';
import type { ReportFinding } from '../../src/report/model.js';
import { renderBatchCsv, renderBatchJson, renderBatchMarkdown, renderBatchTty } from '../../src/batch/render.js';
import type { BatchSummary } from '../../src/batch/summary.js';
import { fixtureCatalog, fixtureContext, fixtureReport } from './fixture-context.js';
import { zipEntries } from './zip-entries.js';

/** What evidence may carry: an ANSI colour and a title-setting OSC sequence, CR, NUL, DEL, NEL, bidi, Unicode line and paragraph separators. */
const HOSTILE = 'a\u001b[31mROUGE\u001b]0;titre\u0007b\rc\u0000d\u007fe\u0085f\u202Eg\u2066h\u200Fi\u061Cj\u2028k\u2029l';
/** Raw characters no output may hold (CR and LF are checked per format: they may only end lines). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]/u;

const hostileFinding: ReportFinding = {
  rule: 'cda/realm-code',
  severity: 'error',
  message: `valeur ${HOSTILE}`,
  requirement: 'INS/va1.02',
  proof: 'INS/va1.02.01.01',
  file: `proofs/INS_va1.02.01.01/${HOSTILE}.xml`,
  location: `/ClinicalDocument/${HOSTILE}`,
  line: 3,
};

function hostileContext() {
  const requirements = fixtureReport.requirements.map((result) => (result.id === 'INS/va1.02' ? { ...result, findings: [hostileFinding] } : result));
  return fixtureContext({
    bundleRoot: `preuves/${HOSTILE}`,
    catalog: { ...fixtureCatalog, requirements: fixtureCatalog.requirements.map((requirement) => ({ ...requirement, statement: `${requirement.statement} ${HOSTILE}` })) },
    report: {
      ...fixtureReport,
      bundle: { ...fixtureReport.bundle, editor: { name: `Éditeur ${HOSTILE}` }, software: { name: `LGC ${HOSTILE}`, version: '1' } },
      requirements,
      findings: [hostileFinding, ...fixtureReport.findings.filter((finding) => finding.requirement !== 'INS/va1.02')],
    },
  });
}

/** The line structure each format may use: CRLF records in CSV, LF lines elsewhere. */
function checkText(format: string, text: string): void {
  expect(text, `${format}: raw control or bidi character`).not.toMatch(FORBIDDEN);
  if (format === 'csv') expect(text.replace(/\r\n/g, ''), `${format}: lone CR`).not.toContain('\r');
  else expect(text, `${format}: CR`).not.toContain('\r');
}

describe('control characters in check reports', () => {
  it.each(['tty', 'json', 'junit', 'sarif', 'github', 'markdown', 'html', 'csv'] as FormatName[])('%s: neutralised, still shown', async (format) => {
    const text = String(await (await loadReporter(format)).render(hostileContext()));
    checkText(format, text);
    // The rest of the value is still there, readable (not silently dropped).
    expect(text).toContain('ROUGE');
  });

  it('github: a CR or LF in evidence cannot start a workflow command of its own (one line per annotation)', async () => {
    const text = String(await (await loadReporter('github')).render(hostileContext()));
    const lines = text.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
    expect(lines[0]).toMatch(/^::error file=preuves\/a\\x1b\[31mROUGE/);
  });

  it('xlsx: no cell of any sheet holds them (the workbook parts, unzipped)', async () => {
    const parts = await zipEntries((await (await loadReporter('xlsx')).render(hostileContext())) as Uint8Array);
    const texts = [...parts].filter(([name]) => name.endsWith('.xml')).map(([, text]) => text);
    for (const text of texts) expect(text).not.toMatch(FORBIDDEN);
    expect(texts.join('')).toContain('ROUGE');
  });

  it('json and sarif keep the value exact once parsed (escaped, not altered)', async () => {
    const json = JSON.parse(String(await (await loadReporter('json')).render(hostileContext())));
    expect(json.findings[0].message).toBe(`valeur ${HOSTILE}`);
  });

  it('the terminal shows them as visible escapes', async () => {
    const text = String(await (await loadReporter('tty')).render(hostileContext()));
    expect(text).toContain('valeur a\\x1b[31mROUGE\\x1b]0;titre\\x07b\\x0dc\\x00d\\x7fe\\x85f\\u202eg\\u2066h\\u200fi\\u061cj\\u2028k\\u2029l');
  });
});

describe('control characters in the DSR checklist', () => {
  it.each(['md', 'csv'] as const)('%s', async (format) => {
    const { renderChecklist } = await import('../../src/report/checklist.js');
    const context = hostileContext();
    const withFile = { ...context, report: { ...context.report, requirements: context.report.requirements.map((result) => ({ ...result, proofs: result.proofs.map((proof) => ({ ...proof, files: proof.files.map((file) => ({ ...file, path: `${file.path}${HOSTILE}` })) })) })) } };
    const text = String(await renderChecklist(withFile, format));
    checkText(format, text);
    expect(text).toContain('ROUGE');
  });
});

describe('control characters in the batch files (bundle folder names come from the file system)', () => {
  const summary: BatchSummary = {
    schema: 'segur-batch/1' as BatchSummary['schema'],
    tool: { name: 'segur', version: '0.1.0' },
    verdict: 'fail',
    bundles: [
      { name: `depot-${HOSTILE}`, status: 'fail', source: 'folder', catalog: `REM-${HOSTILE}`, reports: [] },
      { name: `casse-${HOSTILE}`, status: 'error', source: 'zip', reports: [], error: { code: 'x/y', message: `illisible ${HOSTILE}\nsuite` } },
    ],
    matrix: { bundles: [`depot-${HOSTILE}`, `casse-${HOSTILE}`], rows: [{ catalog: `REM-${HOSTILE}`, requirement: `INS/${HOSTILE}`, nature: 'EXIGENCE', verdicts: ['conforme', null] }] },
  };
  it.each([
    ['tty', () => renderBatchTty(summary, 'fr', `sortie-${HOSTILE}`)],
    ['json', () => renderBatchJson(summary)],
    ['markdown', () => renderBatchMarkdown(summary, 'fr')],
    ['csv', () => renderBatchCsv(summary, 'fr')],
  ] as const)('%s', (format, render) => {
    const text = render();
    checkText(format, text);
    expect(text).toContain('ROUGE');
  });
});

describe('control characters in validate outputs', () => {
  const files = [
    {
      path: `export/${HOSTILE}.xml`,
      kind: 'cda' as const,
      findings: [{ rule: 'cda/realm-code', severity: 'error' as const, args: { value: HOSTILE }, location: `/ClinicalDocument/${HOSTILE}`, line: 2 }],
    },
  ];
  it.each(VALIDATE_FORMATS)('%s', (format) => {
    const text = renderValidate(format, { files, gate: { passed: false, strict: false } }, { lang: 'fr', revealIdentifiers: false, color: false });
    checkText(format, text);
    expect(text).toContain('ROUGE');
  });
});

describe('control characters in exit-2 messages (stderr)', () => {
  it('a folder name with an ESC sequence and a bidi override is named, not sent to the terminal', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const run = runCli(['check', `dossier-\u001b[2J\u202Eabsent`]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(FORBIDDEN);
    expect(run.stderr).toContain('dossier-\\x1b[2J\\u202eabsent');
  });
});
