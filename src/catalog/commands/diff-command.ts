// `segur catalog diff OLD NEW [--bundle DIR] [--format tty|json|markdown|xlsx[:FILE]]…`: resolves both
// catalogs (id, .yaml/.json, or .xlsx imported on the fly), diffs them, adds the bundle impact when
// asked, renders every asked format before writing any (report/output.ts conventions). Reads the
// bundle, never writes to it (an output inside it is refused). Identifiers are masked in every
// format unless --reveal-identifiers (catalog/mask.ts: texts before diffing, the rest after).
import { SegurError } from '../../errors.js';
import { formatMessage, type Lang } from '../../messages/index.js';
import { parseFormatSpecs, refuseOutputsInside, writeRendered, type FormatSpec } from '../../report/output.js';
import type { Rendered } from '../../report/index.js';
import { diffCatalogs } from '../diff/compare.js';
import type { DiffContext } from '../diff/describe.js';
import type { CatalogDiff } from '../diff/model.js';
import { maskCatalogTexts, maskStringsIn } from '../mask.js';
import type { Catalog } from '../schema.js';
import { resolveCatalog } from '../store.js';

export const DIFF_FORMATS = ['tty', 'json', 'markdown', 'xlsx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface CatalogDiffFlags {
  bundle?: string;
  format?: string[];
  profile?: string[];
}

export interface CatalogDiffOptions {
  lang: Lang;
  color: boolean;
  /** `--reveal-identifiers`: INS/NIR-shaped values are shown in clear. */
  revealIdentifiers?: boolean;
}

export async function runCatalogDiff(oldRef: string, newRef: string, flags: CatalogDiffFlags, options: CatalogDiffOptions): Promise<void> {
  const specs = parseFormatSpecs(flags.format ?? [], {
    formats: DIFF_FORMATS,
    fallback: 'tty',
    isFormat: (name): name is DiffFormat => (DIFF_FORMATS as readonly string[]).includes(name),
    unknownCode: 'diff/unknown-format',
  });
  if (flags.bundle !== undefined) refuseOutputsInside(specs, flags.bundle);
  const reveal = options.revealIdentifiers === true;
  const shown = (catalog: Catalog) => (reveal ? catalog : maskCatalogTexts(catalog));
  const oldCatalog = shown((await resolveCatalog(oldRef, { baseDir: process.cwd() })).catalog);
  const newCatalog = shown((await resolveCatalog(newRef, { baseDir: process.cwd() })).catalog);
  const diff = diffCatalogs(oldCatalog, newCatalog);
  if (flags.bundle !== undefined) {
    const { bundleImpact } = await import('../../bundle/impact.js');
    diff.bundle = await bundleImpact({ bundleDir: flags.bundle, oldCatalog, newCatalog, diff, profiles: flags.profile });
  }
  const context = diffContext({ diff, oldCatalog, newCatalog }, options.lang, reveal);
  const rendered: { spec: FormatSpec<DiffFormat>; data: Rendered }[] = [];
  for (const spec of specs) rendered.push({ spec, data: await render(context, spec, options.color) });
  for (const { spec, data } of rendered) await writeRendered(spec.path, data);
}

/**
 * What the renderers read: unless revealed, every string of the diff and of the two catalogs masked
 * (ids, titles, bundle paths; texts were masked before diffing). Requirements are still found by id,
 * both sides being masked alike.
 */
export function diffContext(data: { diff: CatalogDiff; oldCatalog: Catalog; newCatalog: Catalog }, lang: Lang, reveal: boolean): DiffContext {
  const shown = reveal ? data : maskStringsIn(data);
  return { ...shown, t: (code, args) => formatMessage(code, args, { lang, revealIdentifiers: reveal }), lang };
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
