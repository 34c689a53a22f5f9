// Entry point: reads the configuration of the current folder, decides the language, runs one
// command, maps the outcome to an exit code (0/1/2). Heavy modules (exceljs, XML parsers,
// reporters) are imported by the command actions only, so `segur --version` and `segur --help`
// stay instant.
import { existsSync } from 'node:fs';
import { toolVersion } from '../version.js';
import { isSegurError } from '../errors.js';
import { formatMessage, type Lang } from '../messages/index.js';
import { neutraliseControls } from '../report/render/escape.js';
import { fallbackLang, langFlag, resolveLang } from './lang.js';

const VERSION_FLAGS = new Set(['--version', '-v', '-V']);
/** Names of config/load.ts's files, repeated here so that nothing heavy is imported to look for them. */
const RC_FILE = '.segurrc.yaml';
const MANIFEST_FILE = 'segur.yaml';

export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  if (args.length === 1 && VERSION_FLAGS.has(args[0]!)) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  const flag = langFlag(args);
  let lang: Lang = fallbackLang(flag);
  const debug = args.includes('--debug');
  try {
    // The YAML parser and the schemas are only loaded when there is a file to read: --help stays quick.
    const config = existsSync(RC_FILE) || existsSync(MANIFEST_FILE) ? await (await import('../config/load.js')).loadRunConfig() : undefined;
    lang = resolveLang(flag, config?.config);
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, { lang, ...(config ? { config } : {}) });
  } catch (error) {
    // French typography puts a space before the colon; English does not.
    const prefix = lang === 'en' ? 'segur: ' : 'segur : ';
    if (isSegurError(error)) {
      // File and folder names in the message come from the user's disk: controls shown, never sent.
      process.stderr.write(`${prefix}${neutraliseControls(formatMessage(error.code, error.args, { lang }))}\n`);
      if (debug && error.cause instanceof Error) process.stderr.write(`${error.cause.stack}\n`);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${prefix}${neutraliseControls(formatMessage('cli/internal', { detail }, { lang }))}\n`);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
