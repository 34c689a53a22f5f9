// `segur cisis import DIR`: compiles (or finds in the cache) every volet of a TestContenuCDA tree
// and renders what was compiled: per volet its patterns, rules, tests and value sets, then every
// compile diagnostic (upstream defects, constructs not translated) with file, line and pattern.
import { formatMessage, type Lang } from '../messages/index.js';
import { loadPack } from './store/pack-cache.js';
import { ensurePacks } from './store/ensure-packs.js';

export interface ImportOptions {
  lang: Lang;
  force?: boolean;
  /** Where progress goes (stderr): compiling takes a few seconds. */
  progress?: (line: string) => void;
}

export async function runCisisImport(dir: string, options: ImportOptions): Promise<string> {
  const say = (code: string, args = {}) => formatMessage(code, args, { lang: options.lang });
  const { packDir, index, compiled } = await ensurePacks(dir, { force: options.force, onCompile: () => options.progress?.(say('cisis/compiling', { dir })) });
  const lines: string[] = [
    compiled ? say('cisis/import-compiled', { volets: index.volets.length, tree: index.tree, dir: packDir }) : say('cisis/import-cached', { volets: index.volets.length, dir: packDir }),
  ];
  const total = { patterns: 0, rules: 0, asserts: 0, errors: 0, warnings: 0, infos: 0 };
  for (const volet of index.volets) {
    lines.push(`  ${say('cisis/import-volet', { ...volet, errors: volet.diagnostics.error, warnings: volet.diagnostics.warning })}`);
    total.patterns += volet.patterns;
    total.rules += volet.rules;
    total.asserts += volet.asserts;
    total.errors += volet.diagnostics.error;
    total.warnings += volet.diagnostics.warning;
    total.infos += volet.diagnostics.info;
  }
  lines.push(say('cisis/import-total', { volets: index.volets.length, ...total }));
  const diagnostics = index.volets.flatMap((volet) => (volet.diagnostics.error + volet.diagnostics.warning + volet.diagnostics.info > 0 ? loadPack(packDir, volet.file).diagnostics.map((diagnostic) => ({ volet: volet.volet, diagnostic })) : []));
  if (diagnostics.length > 0) lines.push(say('cisis/import-diagnostics'));
  const label: Record<string, string> = options.lang === 'fr' ? { error: 'défaut', warning: 'avertissement', info: 'note' } : { error: 'defect', warning: 'warning', info: 'note' };
  for (const { volet, diagnostic } of diagnostics) {
    const where = `${diagnostic.file}${diagnostic.line !== undefined ? `:${diagnostic.line}` : ''}${diagnostic.pattern ? ` [${diagnostic.pattern}]` : ''}`;
    lines.push(`  ${volet} ${label[diagnostic.severity]} ${where} : ${say(diagnostic.code, diagnostic.args)}`);
  }
  return lines.join('\n') + '\n';
}
