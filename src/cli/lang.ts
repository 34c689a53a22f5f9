// Which language a run speaks: `--lang`, else SEGUR_LANG, else the configuration file's `lang`, else
// the locale (LC_ALL, LC_MESSAGES, LANG; the system's on Windows, where those are usually unset),
// else French. A locale that is neither French nor English (C, POSIX, de_DE…) keeps French.
import { SegurError } from '../errors.js';
import type { Lang } from '../messages/index.js';
import type { RunConfig } from '../config/schema.js';

export function isLang(value: string): value is Lang {
  return value === 'fr' || value === 'en';
}

/** The run's language; an unknown `--lang` or SEGUR_LANG value is exit 2. */
export function resolveLang(flag: string | undefined, config: RunConfig | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) {
    if (!isLang(flag)) throw new SegurError('cli/bad-lang', { value: flag });
    return flag;
  }
  const fromEnv = env.SEGUR_LANG;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isLang(fromEnv)) throw new SegurError('cli/bad-lang-env', { value: fromEnv });
    return fromEnv;
  }
  return config?.lang ?? localeLang(env) ?? 'fr';
}

/** The same choice without failing, for the messages of a run that stopped before it could decide. */
export function fallbackLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined && isLang(flag)) return flag;
  const fromEnv = env.SEGUR_LANG;
  if (fromEnv !== undefined && isLang(fromEnv)) return fromEnv;
  return localeLang(env) ?? 'fr';
}

/** `fr_FR.UTF-8` → fr, `en_GB` → en; undefined for any other locale. POSIX order: LC_ALL, LC_MESSAGES, LANG. */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  const set = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const locale = set ?? systemLocale();
  const language = /^([a-z]{2})(?:[_.@-]|$)/i.exec(locale ?? '')?.[1]?.toLowerCase();
  return language !== undefined && isLang(language) ? language : undefined;
}

/** Windows sets no LANG: the system's locale as Node sees it. Elsewhere it would only echo LANG's absence. */
function systemLocale(): string | undefined {
  if (process.platform !== 'win32') return undefined;
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}

/** The raw `--lang` value of a command line (`--lang en`, `--lang=en`), before the parser runs. */
export function langFlag(args: readonly string[]): string | undefined {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return args[index + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
