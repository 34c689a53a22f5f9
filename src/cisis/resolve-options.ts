// `--cisis DIR` / `--volet NAME` (validate, check) or `cisis:` in segur.yaml → the options the CDA
// validator receives: packs compiled on first use (a note on stderr while it lasts), volet checked.
import { SegurError } from '../errors.js';
import { formatMessage, type Lang } from '../messages/index.js';
import { ensurePacks } from './store/ensure-packs.js';
import type { CisisOptions } from './validate-volet.js';

export function resolveCisisOptions(dir: string, volet: string | undefined, lang: Lang, note: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): CisisOptions {
  const { packDir, index } = ensurePacks(dir, { onCompile: () => note(formatMessage('cisis/compiling', { dir }, { lang })) });
  if (volet !== undefined && !index.volets.some((summary) => summary.volet === volet)) {
    throw new SegurError('cisis/bad-volet', { value: volet, known: index.volets.map((summary) => summary.volet).join(', ') });
  }
  return volet === undefined ? { packDir } : { packDir, volet };
}
