// Where the run configuration comes from (docs: README « Configuration ») — first found wins, no
// merging between files:
// 1. `.segurrc.yaml` in the current folder;
// 2. the `segur:` key of the `segur.yaml` of the bundle being checked (`check`, `checklist`), or of
//    the current folder for the other commands.
// Command-line flags, then SEGUR_LANG, come before any of these (src/cli/settings.ts).
import { realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { readChecked, decodeRunInput, inputError } from '../io/safe-open.js';
import { manifestIssueError } from '../bundle/manifest-issues.js';
import { parseYamlDocument, MAX_MANIFEST_BYTES } from '../bundle/manifest.js';
import { MANIFEST_FILE, ManifestSchema } from '../bundle/manifest-schema.js';
import { ManifestRunConfigSchema, RunConfigSchema, type RunConfig } from './schema.js';

export const RC_FILE = '.segurrc.yaml';
/** A configuration is a few lines; anything larger is not one. */
const MAX_RC_BYTES = 64 * 1024;

export interface LoadedConfig {
  config: RunConfig;
  /** The file it was read from, as shown in messages. */
  file: string;
}

/** `.segurrc.yaml` of `dir`, or undefined when there is none; an unreadable or invalid one is exit 2. */
export async function loadRcFile(dir = '.'): Promise<LoadedConfig | undefined> {
  const file = dir === '.' ? RC_FILE : `${dir}/${RC_FILE}`;
  const text = await readOptional(file, MAX_RC_BYTES);
  if (text === undefined) return undefined;
  const { data, positions } = parseYamlDocument(text, file);
  if (data === null || data === undefined) return { config: {}, file };
  const parsed = RunConfigSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw manifestIssueError(parsed.error.issues, RunConfigSchema, file, positions, text);
  return { config: parsed.data, file };
}

/**
 * The `segur:` key of `dir/segur.yaml`. Only that key is judged here: a manifest that does not parse
 * gives no configuration (the check reports it in full, with its own message).
 */
export async function loadManifestConfig(dir = '.'): Promise<LoadedConfig | undefined> {
  // Named as loadManifest names it: the same text, parsed once (bundle/manifest.ts), gives the same messages.
  const file = join(dir, MANIFEST_FILE);
  const text = await readInsideBundle(dir, file);
  if (text === undefined) return undefined;
  let document;
  try {
    document = parseYamlDocument(text, file);
  } catch {
    return undefined;
  }
  const { data, positions } = document;
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, 'segur')) return undefined;
  const parsed = SEGUR_KEY.safeParse(data, { reportInput: true });
  if (!parsed.success) throw manifestIssueError(parsed.error.issues, ManifestSchema, file, positions, text);
  return parsed.data.segur ? { config: parsed.data.segur, file } : undefined;
}

/** The configuration of a run from `cwd`: `.segurrc.yaml`, else the `segur:` key of `bundleDir/segur.yaml`. */
export async function loadRunConfig(bundleDir = '.'): Promise<LoadedConfig | undefined> {
  return (await loadRcFile()) ?? (await loadManifestConfig(bundleDir));
}


const SEGUR_KEY = z.object({ segur: ManifestRunConfigSchema.nullable().optional() });

/**
 * The manifest's text as the check itself will accept it — a regular file lying inside the bundle
 * once opened (src/bundle/manifest.ts) — else undefined: a manifest linked outside the bundle is never
 * read, not even for its settings (the check then refuses it with its own message).
 */
async function readInsideBundle(dir: string, file: string): Promise<string | undefined> {
  try {
    const outcome = await readChecked(file, { followSymlinks: true, insideRoot: await realpath(dir), maxBytes: MAX_MANIFEST_BYTES });
    return outcome.ok ? decodeRunInput(outcome.bytes, file) : undefined;
  } catch {
    return undefined;
  }
}

async function readOptional(file: string, maxBytes: number): Promise<string | undefined> {
  const outcome = await readChecked(file, { followSymlinks: true, maxBytes });
  if (outcome.ok) return decodeRunInput(outcome.bytes, file);
  if (outcome.problem.kind === 'not-found') return undefined;
  throw inputError(file, outcome.problem);
}

/** The TestContenuCDA folder `config` names (`cisis:`), resolved against the folder of its file. */
export function configCisis(loaded: LoadedConfig | undefined): string | undefined {
  const dir = loaded?.config.cisis;
  return dir === undefined ? undefined : resolve(dirname(loaded!.file), dir);
}
