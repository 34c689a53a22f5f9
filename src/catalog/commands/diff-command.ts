// `segur catalog diff OLD NEW [--bundle DIR] [--format tty|json|markdown|xlsx[:FILE]]…`: resolves both
// catalogs (id, .yaml/.json, or .xlsx imported on the fly), diffs them, adds the bundle impact when
// asked, renders every asked format before writing any (report/output.ts conventions). Reads the
// bundle, never writes to it (an output inside it is refused).
import { SegurError } from '../../errors.js';
import type { Lang } from '../../messages/index.js';
import { parseFormatSpecs, refuseOutputsInside, writeRendered, type FormatSpec } from '../../report/output.js';
import type { Rendered } from '../../report/index.js';
import { translator } from '../../report/render/wording.js';
import { diffCatalogs } from '../diff/compare.js';
import type { DiffContext } from '../diff/describe.js';
import { resolveCatalog } from '../store.js';

export const DIFF_FORMATS = ['tty', 'json', 'markdown', 'xlsx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface CatalogDiffFlags {
  bundle?: string;
  format?: string[];
  profile?: string[];
}

export async function runCatalogDiff(oldRef: string, newRef: string, flags: CatalogDiffFlags, options: { lang: Lang; color: boolean }): Promise<void> {
  const specs = parseFormatSpecs(flags.format ?? [], {
    formats: DIFF_FORMATS,
    fallback: 'tty',
    isFormat: (name): name is DiffFormat => (DIFF_FORMATS as readonly string[]).includes(name),
    unknownCode: 'diff/unknown-format',
  });
  if (flags.bundle !== undefined) refuseOutputsInside(specs, flags.bundle);
  const { catalog: oldCatalog } = await resolveCatalog(oldRef, { baseDir: process.cwd() });
  const { catalog: newCatalog } = await resolveCatalog(newRef, { baseDir: process.cwd() });
  const diff = diffCatalogs(oldCatalog, newCatalog);
  if (flags.bundle !== undefined) {
    const { bundleImpact } = await import('../../bundle/impact.js');
    diff.bundle = await bundleImpact({ bundleDir: flags.bundle, oldCatalog, newCatalog, diff, profiles: flags.profile });
  }
  const context: DiffContext = { diff, oldCatalog, newCatalog, t: translator(options.lang), lang: options.lang };
  const rendered: { spec: FormatSpec<DiffFormat>; data: Rendered }[] = [];
  for (const spec of specs) rendered.push({ spec, data: await render(context, spec, options.color) });
  for (const { spec, data } of rendered) await writeRendered(spec.path, data);
}

async function render(context: DiffContext, spec: FormatSpec<DiffFormat>, color: boolean): Promise<Rendered> {
  switch (spec.format) {
    case 'json':
      return `${JSON.stringify(context.diff, null, 2)}\n`;
    case 'markdown':
      return (await import('../diff/render-markdown.js')).renderDiffMarkdown(context);
    case 'xlsx':
      return (await import('../diff/render-xlsx.js')).renderDiffXlsx(context);
    case 'tty':
      // Colours only on the terminal itself, never in a file.
      return (await import('../diff/render-tty.js')).renderDiffTty(context, { color: color && spec.path === undefined });
    default:
      throw new SegurError('diff/unknown-format', { format: spec.format, available: DIFF_FORMATS.join(', ') });
  }
}
