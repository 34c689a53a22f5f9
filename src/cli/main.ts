// Entry point: parses flags, runs one command, maps the outcome to an exit code (0/1/2).
// Heavy modules (exceljs, XML parsers, reporters) are imported by the command actions only,
// so `segur --version` and `segur --help` stay instant.
import { toolVersion } from '../version.js';
import { isSegurError } from '../errors.js';
import { formatMessage, type Lang } from '../messages/index.js';

export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  const lang = pickLang(args);
  const debug = args.includes('--debug');
  try {
    const { runProgram } = await import('./program.js');
    return await runProgram(argv);
  } catch (error) {
    if (isSegurError(error)) {
      process.stderr.write(`segur : ${formatMessage(error.code, error.args, { lang })}\n`);
      if (debug && error.cause instanceof Error) process.stderr.write(`${error.cause.stack}\n`);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`segur : ${formatMessage('cli/internal', { detail }, { lang })}\n`);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

function pickLang(args: string[]): Lang {
  const index = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index < 0) return 'fr';
  const value = args[index]!.includes('=') ? args[index]!.split('=')[1] : args[index + 1];
  return value === 'en' ? 'en' : 'fr';
}
