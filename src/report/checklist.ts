// `segur checklist`: the DSR-ready proof list. Runs the same check as `segur check` (so files,
// hashes and findings are the same), then writes one row per expected proof as xlsx, csv or
// Markdown, chosen by the output file's extension, atomically.
import { extname } from 'node:path';
import { SegurError } from '../errors.js';
import type { CheckOptions } from '../engine/check.js';
import { writeOutputSet } from '../io/output.js';
import { prepareOutputSpecs } from './output.js';
import type { Rendered } from './index.js';
import type { ReportContext } from './model.js';
import { checklistCounts, renderChecklistMarkdown, type ChecklistCounts } from './render/checklist-markdown.js';
import { proofRows } from './render/proof-rows.js';

export type ChecklistFormat = 'xlsx' | 'csv' | 'md';

export interface ChecklistOptions extends Omit<CheckOptions, 'strict' | 'onProgress'> {
  out: string;
  /** CSV field separator (default: `;` in French, `,` in English). */
  csvSeparator?: string;
}

export function checklistFormat(out: string): ChecklistFormat {
  const extension = extname(out).toLowerCase().slice(1);
  if (extension === 'xlsx' || extension === 'csv' || extension === 'md') return extension;
  throw new SegurError('report/checklist.bad-extension', { file: out });
}

/** Writes the checklist to `options.out` and returns its counts. */
export async function writeChecklist(options: ChecklistOptions): Promise<ChecklistCounts> {
  const format = checklistFormat(options.out); // before the run: a wrong name or path costs nothing
  const [spec] = await prepareOutputSpecs([{ format: format === 'md' ? 'markdown' : format, path: options.out }], [options.bundleDir]);
  const { checkBundle } = await import('../engine/check.js');
  const { csvSeparator, ...checkOptions } = options;
  const { context } = await checkBundle({ ...checkOptions, strict: false });
  const shown = csvSeparator === undefined ? context : { ...context, csvSeparator };
  await writeOutputSet([{ target: spec!.target!, data: await renderChecklist(shown, format) }]);
  return checklistCounts(proofRows(context));
}

export async function renderChecklist(context: ReportContext, format: ChecklistFormat): Promise<Rendered> {
  if (format === 'md') return renderChecklistMarkdown(context);
  const { render } = format === 'xlsx' ? await import('./formats/xlsx.js') : await import('./formats/csv.js');
  return render(context);
}
