// `--cisis DIR` and `segur cisis import DIR`: the packs of a TestContenuCDA tree, compiled on first
// use (every volet, ≈3–5 s) and read from the cache afterwards.
import { join } from 'node:path';
import type { Pack } from '../pack.js';
import { cacheFolder, packFile, readIndex, treeKey, writePacks, type PackIndex, type PackSummary } from './pack-cache.js';
import { openTree, sourceFiles } from './tree.js';
import { toolVersion } from '../../version.js';
import { PACK_FORMAT } from '../pack.js';

export interface EnsuredPacks {
  packDir: string;
  index: PackIndex;
  /** True when this call compiled the packs (first use of these sources). */
  compiled: boolean;
}

export interface EnsureOptions {
  cache?: string;
  /** Compile even when the cache holds the packs. */
  force?: boolean;
  /** Called once before compiling (not when the cache answers). */
  onCompile?: () => void;
}

export async function ensurePacks(dir: string, options: EnsureOptions = {}): Promise<EnsuredPacks> {
  const tree = openTree(dir);
  const cache = options.cache ?? cacheFolder();
  const sources = sourceFiles(tree);
  const key = treeKey(tree, sources, cache);
  const packDir = join(cache, key);
  const existing = options.force ? undefined : readIndex(packDir);
  if (existing) return { packDir, index: existing, compiled: false };
  options.onCompile?.();
  // The compiler reads only the files the key covers: a pack never outlives a change of its sources.
  const readable = new Set(sources.map((entry) => entry.path));
  // The compiler and fontoxpath (its XPath syntax check) only when compiling: with the packs cached,
  // the main thread of a pooled run never loads them (≈50–150 ms of CPU saved).
  const [{ compileSchematron }, { checkXPathSyntax }] = await Promise.all([import('../compile/compile-schema.js'), import('../run/xpath-engine.js')]);
  const packs: Pack[] = [];
  for (const file of tree.volets.values()) {
    packs.push(compileSchematron(tree.root, file, { checkXPath: checkXPathSyntax, sources: readable }).pack);
  }
  const index: PackIndex = { format: PACK_FORMAT, key, tree: tree.root, segur: toolVersion(), volets: packs.map(summarise) };
  return { packDir: await writePacks(cache, key, packs, index), index, compiled: true };
}

export function summarise(pack: Pack): PackSummary {
  const count = (severity: string) => pack.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const rules = pack.patterns.flatMap((pattern) => pattern.rules);
  return {
    volet: pack.volet,
    file: packFile(pack.volet),
    source: pack.source,
    patterns: pack.patterns.length,
    rules: rules.length,
    asserts: rules.reduce((total, rule) => total + rule.checks.length, 0),
    valueSets: Object.keys(pack.valueSets).length,
    diagnostics: { error: count('error'), warning: count('warning'), info: count('info') },
  };
}
