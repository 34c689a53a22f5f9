// `--cisis DIR` / `--volet NAME` (validate, check) or `cisis:` in segur.yaml → the options the CDA
// validator receives: packs compiled on first use (a note on stderr while it lasts), volet checked.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SegurError } from '../errors.js';
import { xmllintAvailable } from './xsd/xmllint.js';
import { formatMessage, type Lang } from '../messages/index.js';
import { ensurePacks } from './store/ensure-packs.js';
import type { CisisOptions } from './validate-volet.js';

export interface CisisFlags {
  volet?: string;
  /** `--xsd`: also validate against the tree's infrastructure/cda/CDA_extended.xsd with xmllint. */
  xsd?: boolean;
}

/** SegurError (exit 2) on a folder that is not a TestContenuCDA tree, an unknown volet, a missing XSD or xmllint. */
export async function resolveCisisOptions(
  dir: string,
  flags: CisisFlags,
  lang: Lang,
  note: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  /** The file whose `cisis:` key named `dir` (.segurrc.yaml, segur.yaml), said when the folder cannot be read. */
  namedBy?: string,
): Promise<CisisOptions> {
  const { packDir, index } = await ensurePacks(dir, { onCompile: () => note(formatMessage('cisis/compiling', { dir }, { lang })) }).catch((error: unknown) => {
    if (namedBy !== undefined && error instanceof SegurError && error.code === 'cisis/tree-unreadable') throw new SegurError('cisis/tree-unreadable-named', { ...error.args, file: namedBy }, { cause: error });
    throw error;
  });
  const options: CisisOptions = { packDir };
  if (flags.volet !== undefined) {
    if (!index.volets.some((summary) => summary.volet === flags.volet)) {
      throw new SegurError('cisis/bad-volet', { value: flags.volet, known: index.volets.map((summary) => summary.volet).join(', ') });
    }
    options.volet = flags.volet;
  }
  if (flags.xsd) {
    const xsd = join(index.tree, XSD_PATH);
    if (!existsSync(xsd)) throw new SegurError('cisis/xsd-missing', { file: xsd });
    if (!xmllintAvailable()) throw new SegurError('cisis/xmllint-missing');
    options.xsd = xsd;
  }
  return options;
}

/** Where TestContenuCDA keeps the CDA R2 schema with the French extensions. */
export const XSD_PATH = 'infrastructure/cda/CDA_extended.xsd';
