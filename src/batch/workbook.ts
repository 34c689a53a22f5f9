// `batch.xlsx`, the reviewers' workbook: sheet "Dossiers" (one row per bundle, with a link to its
// report), "Matrice" (requirements × bundles, one coloured verdict per cell, frozen panes, filters,
// totals per requirement) and "Constats" (every error and warning, with bundle, requirement, proof,
// file and code). Sheet names are a contract (scripts read them): not translated. Every text from the
// inputs goes through the formula-injection guard; byte-identical across runs (zip timestamps fixed).
import ExcelJS from 'exceljs';
import type { Lang } from '../messages/index.js';
import { VERDICTS, type Verdict } from '../report/model.js';
import { UNDATED, VERDICT_COLOURS, cellText, styleHeader } from '../report/formats/xlsx.js';
import { normaliseZipTimestamps } from '../report/render/zip-timestamps.js';
import { translator, verdictLabel, type Translate } from '../report/render/wording.js';
import type { BundleResult } from './bundle-result.js';
import { reportLink } from './links.js';
import type { BatchSummary } from './summary.js';

export const WORKBOOK_SHEETS = ['Dossiers', 'Matrice', 'Constats'] as const;

const ERROR_COLOURS = { fill: 'FFD9D9D9', font: 'FF7F0000' };

export async function renderBatchWorkbook(summary: BatchSummary, results: readonly BundleResult[], lang: Lang): Promise<Uint8Array> {
  const t = translator(lang);
  const workbook = new ExcelJS.Workbook();
  const date = summary.date === undefined ? UNDATED : new Date(summary.date);
  workbook.creator = 'segur';
  workbook.lastModifiedBy = 'segur';
  workbook.created = date;
  workbook.modified = date;
  addBundlesSheet(workbook, results, t);
  addMatrixSheet(workbook, summary, t);
  addFindingsSheet(workbook, results, t);
  return normaliseZipTimestamps(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

function addBundlesSheet(workbook: ExcelJS.Workbook, results: readonly BundleResult[], t: Translate): void {
  const sheet = workbook.addWorksheet(WORKBOOK_SHEETS[0], { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const columns: [string, number][] = [
    [t('batch/column.bundle'), 36],
    [t('batch/column.source'), 10],
    [t('batch/column.editor'), 24],
    [t('batch/column.software'), 20],
    [t('batch/column.version'), 12],
    [t('batch/column.catalog'), 22],
    [t('batch/column.result'), 12],
    ...VERDICTS.map((verdict): [string, number] => [verdictLabel(t, verdict), 12]),
    [t('report/severity.error'), 10],
    [t('report/severity.warning'), 14],
    [t('batch/column.report'), 36],
    [t('batch/column.reason'), 60],
  ];
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  styleHeader(sheet.getRow(1));
  for (const result of results) {
    const s = result.summary;
    const link = reportLink(result);
    const row = sheet.addRow([
      cellText(result.name),
      t(`batch/source.${result.source}`),
      cellText(result.editor ?? ''),
      cellText(result.software ?? ''),
      cellText(result.version ?? ''),
      cellText(result.catalog?.id ?? ''),
      t(`batch/status.${result.status}`),
      ...VERDICTS.map((verdict) => s?.[verdict] ?? null),
      s?.errors ?? null,
      s?.warnings ?? null,
      link ? { text: cellText(link.text), hyperlink: link.href } : '',
      cellText(result.error?.message ?? ''),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    const status = row.getCell(7);
    const colours = result.status === 'pass' ? VERDICT_COLOURS.conforme : result.status === 'fail' ? VERDICT_COLOURS['non-conforme'] : ERROR_COLOURS;
    status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
    status.font = { bold: true, color: { argb: colours.font } };
    if (link) row.getCell(columns.length - 1).font = { color: { argb: 'FF0563C1' }, underline: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function addMatrixSheet(workbook: ExcelJS.Workbook, summary: BatchSummary, t: Translate): void {
  const fixed = 3;
  const sheet = workbook.addWorksheet(WORKBOOK_SHEETS[1], { views: [{ state: 'frozen', xSplit: fixed, ySplit: 1 }] });
  const bundles = summary.matrix.bundles;
  const headers = [
    t('batch/column.catalog'),
    t('batch/column.requirement'),
    t('batch/column.nature'),
    ...bundles.map(cellText),
    ...VERDICTS.map((verdict) => t('batch/column.total', { verdict: verdictLabel(t, verdict) })),
  ];
  sheet.columns = headers.map((header, index) => ({ header, width: index < fixed ? [18, 16, 14][index] : 16 }));
  styleHeader(sheet.getRow(1));
  for (const matrixRow of summary.matrix.rows) {
    const totals = VERDICTS.map((verdict) => matrixRow.verdicts.filter((cell) => cell === verdict).length);
    const row = sheet.addRow([
      cellText(matrixRow.catalog),
      cellText(matrixRow.requirement),
      matrixRow.nature,
      ...matrixRow.verdicts.map((verdict, column) => cellLabel(t, verdict, summary.bundles[column]!.status === 'error')),
      ...totals,
    ]);
    matrixRow.verdicts.forEach((verdict, column) => {
      const colours = verdict ? VERDICT_COLOURS[verdict] : summary.bundles[column]!.status === 'error' ? ERROR_COLOURS : undefined;
      if (!colours) return;
      const cell = row.getCell(fixed + column + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
      cell.font = { color: { argb: colours.font } };
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

function cellLabel(t: Translate, verdict: Verdict | null, bundleFailed: boolean): string {
  if (verdict) return verdictLabel(t, verdict);
  return bundleFailed ? t('batch/status.error') : '—';
}

function addFindingsSheet(workbook: ExcelJS.Workbook, results: readonly BundleResult[], t: Translate): void {
  const sheet = workbook.addWorksheet(WORKBOOK_SHEETS[2], { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns: [string, number][] = [
    [t('batch/column.bundle'), 30],
    [t('batch/column.requirement'), 16],
    [t('report/column.proof-id'), 20],
    [t('batch/column.file'), 40],
    [t('batch/column.severity'), 14],
    [t('batch/column.code'), 28],
    [t('batch/column.message'), 80],
    [t('batch/column.location'), 40],
  ];
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  styleHeader(sheet.getRow(1));
  for (const result of results) {
    if (result.error) {
      sheet.addRow([cellText(result.name), '', '', '', t('report/severity.error'), cellText(result.error.code), cellText(result.error.message), '']).alignment = { vertical: 'top', wrapText: true };
    }
    for (const finding of result.findings ?? []) {
      const line = finding.line === undefined ? '' : `:${finding.line}`;
      sheet.addRow([
        cellText(result.name),
        cellText(finding.requirement ?? ''),
        cellText(finding.proof ?? ''),
        cellText(finding.file === undefined ? '' : `${finding.file}${line}`),
        t(`report/severity.${finding.severity}`),
        cellText(finding.rule),
        cellText(finding.message),
        cellText(finding.location ?? ''),
      ]).alignment = { vertical: 'top', wrapText: true };
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}
