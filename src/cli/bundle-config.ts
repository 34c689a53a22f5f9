// The configuration of a command working on a bundle (`check B`, `checklist B`): `.segurrc.yaml` of
// the current folder when there is one (read at start-up), else the `segur:` key of B's segur.yaml.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '../config/load.js';
import { globalOptions } from './context.js';

export async function bundleConfig(command: Command, bundleDir: string): Promise<LoadedConfig | undefined> {
  const startup = globalOptions(command).config;
  if (startup?.file.endsWith('.segurrc.yaml') || resolve(bundleDir) === resolve('.')) return startup;
  const { loadManifestConfig } = await import('../config/load.js');
  return loadManifestConfig(bundleDir);
}
