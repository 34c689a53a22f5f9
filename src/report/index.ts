// Reporter registry: a format name → a lazily loaded module exporting `render(context)`.
// Text formats return a string, binary ones (xlsx) a Uint8Array. Writing (stdout or an atomic
// file write) is the caller's job.
import type { ReportContext } from './model.js';

export type Rendered = string | Uint8Array;
export interface Reporter {
  render(context: ReportContext): Rendered | Promise<Rendered>;
}

const loaders = {
  tty: () => import('./formats/tty.js'),
  json: () => import('./formats/json.js'),
  junit: () => import('./formats/junit.js'),
  sarif: () => import('./formats/sarif.js'),
  github: () => import('./formats/github.js'),
  markdown: () => import('./formats/markdown.js'),
  html: () => import('./formats/html.js'),
  xlsx: () => import('./formats/xlsx.js'),
  csv: () => import('./formats/csv.js'),
} satisfies Record<string, () => Promise<Reporter>>;

export type FormatName = keyof typeof loaders;
export const FORMAT_NAMES = Object.keys(loaders) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(loaders, name);
}

export async function loadReporter(name: FormatName): Promise<Reporter> {
  return loaders[name]();
}
