// `--columns MAP.yaml`: maps the headers of a layout segur does not know to catalog fields.
//
//   sheet: REQUIREMENT        # optional, like --sheet
//   columns:
//     REQ_ID: id
//     REQ_VERSION_NAME: statement
//     REQ_VERSION_CUF_NOTE_INTERNE: ignore
import { z } from 'zod';
import { SegurError } from '../../errors.js';
import { readYamlFile } from '../yaml-file.js';
import { COLUMN_FIELDS, type ColumnField } from './fields.js';
import { normaliseHeader } from './normalise.js';
import { zodIssueArgs, zodIssuePath } from '../../io/zod-issue.js';

const ColumnsMapSchema = z.strictObject({
  sheet: z.string().min(1).optional(),
  columns: z.record(z.string().min(1), z.enum(COLUMN_FIELDS)),
});

export interface ColumnsMap {
  sheet?: string;
  /** Normalised header → field. */
  columns: Map<string, ColumnField>;
  /** Normalised header → header as written in the map (to name entries that matched no column). */
  written?: Map<string, string>;
}

/** A map names a few dozen headers: anything larger is not one. */
export const MAX_COLUMNS_MAP_BYTES = 1024 * 1024;

export async function loadColumnsMap(file: string): Promise<ColumnsMap> {
  const data = await readYamlFile(file, 'catalog/columns-syntax', MAX_COLUMNS_MAP_BYTES);
  const result = ColumnsMapSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SegurError('catalog/columns-invalid', { file, path: zodIssuePath(issue) || '—', ...zodIssueArgs(issue) });
  }
  const columns = new Map<string, ColumnField>();
  const written = new Map<string, string>();
  for (const [header, field] of Object.entries(result.data.columns)) {
    columns.set(normaliseHeader(header), field);
    written.set(normaliseHeader(header), header);
  }
  return { sheet: result.data.sheet, columns, written };
}
