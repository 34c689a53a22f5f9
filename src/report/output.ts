// `--format FMT[:PATH]` specs: which reporter, and where its output goes (stdout, or a file written
// atomically). Every spec is checked before the run, and every output rendered before any is
// written, so a bad flag never costs a long run and a failing reporter leaves no partial set.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isWithin } from '../bundle/paths.js';
import { SegurError } from '../errors.js';
import { prepareOutput, writeOutputSet, type OutputTarget } from '../io/output.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { FORMAT_NAMES, isFormatName, loadReporter, type FormatName, type Rendered } from './index.js';
import type { ReportContext } from './model.js';
import { quietContext } from './quiet.js';

export interface FormatSpec<F extends string = string> {
  format: F;
  /** Absent: standard output. */
  path?: string;
}

export type OutputSpec = FormatSpec<FormatName>;

/** Formats whose rendering is bytes, not text: they need a file. */
const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx']);

export function parseOutputSpecs(values: readonly string[], fallback: FormatName = 'tty'): OutputSpec[] {
  return parseFormatSpecs(values, { formats: FORMAT_NAMES, fallback, isFormat: isFormatName, unknownCode: 'check/unknown-format' });
}

/**
 * `FMT[:PATH]` specs against any set of format names (the report's reporters, `catalog diff`'s
 * renderers): at most one on standard output, binary formats need a file.
 */
export function parseFormatSpecs<F extends string>(
  values: readonly string[],
  options: { formats: readonly F[]; fallback: F; isFormat: (name: string) => name is F; unknownCode: string },
): FormatSpec<F>[] {
  const specs = (values.length > 0 ? values : [options.fallback]).map((value) => parseFormatSpec(value, options));
  if (specs.filter((spec) => spec.path === undefined).length > 1) throw new SegurError('check/stdout-taken');
  const paths = new Set<string>();
  for (const { path } of specs) {
    // A device (/dev/stdout, /dev/null) is written through, not replaced: several formats may share it.
    if (path === undefined || resolve(path).startsWith('/dev/')) continue;
    if (paths.has(resolve(path))) throw new SegurError('check/same-output-twice', { file: path });
    paths.add(resolve(path));
  }
  return specs;
}

function parseFormatSpec<F extends string>(value: string, options: { formats: readonly F[]; isFormat: (name: string) => name is F; unknownCode: string }): FormatSpec<F> {
  const separator = value.indexOf(':');
  const format = separator < 0 ? value : value.slice(0, separator);
  const path = separator < 0 ? undefined : value.slice(separator + 1);
  if (!options.isFormat(format)) throw new SegurError(options.unknownCode, { format, available: options.formats.join(', ') });
  if (BINARY_FORMATS.has(format) && !path) throw new SegurError('check/binary-format-needs-path', { format });
  if (path === '') throw new SegurError('check/format-empty-path', { format });
  return path ? { format, path } : { format };
}

/** An output spec whose target was checked before the run (io/output.ts). */
export interface PreparedSpec extends OutputSpec {
  target?: OutputTarget;
}

/**
 * Every output target is checked before the run: a bad path never costs a long run. The bundle is
 * never written to (docs/product.md): a report asked inside it could overwrite an evidence file, or
 * become one on the next run — checked on real paths.
 */
export async function prepareOutputSpecs(specs: readonly OutputSpec[], bundleDirs: readonly string[]): Promise<PreparedSpec[]> {
  const bundleRoots = bundleDirs.map(realOrResolved);
  const prepared: PreparedSpec[] = [];
  for (const spec of specs) prepared.push(spec.path ? { ...spec, target: await prepareOutput(spec.path, { bundleRoots }) } : spec);
  return prepared;
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Refuses (exit 2) an output path inside the bundle, on real paths; for callers that prepare later. */
export function refuseOutputsInside(specs: readonly FormatSpec[], bundleDir: string): void {
  const root = realOrResolved(bundleDir);
  for (const spec of specs) {
    if (spec.path && isWithin(root, join(realOrResolved(dirname(spec.path)), basename(spec.path)))) {
      throw new SegurError('check/output-inside-bundle', { file: spec.path, dir: bundleDir });
    }
  }
}

export interface OutputOptions {
  color: boolean;
  /** CSV field separator (ReportContext.csvSeparator); the report's language decides when absent. */
  csvSeparator?: string;
  /** Errors only (`--quiet`, report/quiet.ts). */
  quiet?: boolean;
}

/** Renders every output, then writes them as one set: a failing reporter or write leaves none replaced. */
export async function writeOutputs(context: ReportContext, specs: readonly PreparedSpec[], options: OutputOptions): Promise<void> {
  let shown = options.csvSeparator === undefined ? context : { ...context, csvSeparator: options.csvSeparator };
  if (options.quiet) shown = quietContext(shown);
  const rendered: { spec: PreparedSpec; data: Rendered }[] = [];
  for (const spec of specs) rendered.push({ spec, data: await renderSpec(shown, spec, options) });
  await writeRenderedSet(rendered);
}

/** Writes rendered outputs as one set: files (all or none), then standard output. */
export async function writeRenderedSet(rendered: readonly { spec: { path?: string; target?: OutputTarget }; data: Rendered }[]): Promise<void> {
  const items = [];
  for (const { spec, data } of rendered) {
    if (spec.path) items.push({ target: spec.target ?? (await prepareOutput(spec.path)), data });
  }
  await writeOutputSet(items);
  for (const { spec, data } of rendered) {
    if (!spec.path) await writeStdout(data);
  }
}

/** Writes one rendered output: to `path` (io/output.ts rules), or to standard output when there is none. */
export async function writeRendered(path: string | undefined, data: Rendered): Promise<void> {
  if (path) await writeFileAtomic(path, data);
  else await writeStdout(data);
}

async function renderSpec(context: ReportContext, spec: OutputSpec, options: { color: boolean }): Promise<Rendered> {
  if (spec.format === 'tty' && !spec.path) {
    const { renderTty } = await import('./formats/tty.js');
    return renderTty(context, { color: options.color });
  }
  const data = await (await loadReporter(spec.format)).render(context);
  if (typeof data !== 'string' && !spec.path) throw new SegurError('check/binary-format-needs-path', { format: spec.format });
  return data;
}

function writeStdout(data: Rendered): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
