// `segur validate FILE|DIR|PATTERN… [--kind cda|ins|xdm|eml|evs-report] [--format FMT[:PATH]]… [-o FILE]
// [--fail-level error|warning] [--max-warnings N] [--quiet] [--cisis DIR [--volet NAME] [--xsd]]`: artefacts on their own. Exit 0 when the
// gate passes (no error; no warning either under --fail-level warning), 1 otherwise, 2 when a file
// cannot be read at all or a pattern matches nothing.
import type { Command } from 'commander';
import { SegurError } from '../../errors.js';
import { globalOptions } from '../context.js';
import type { ExitCodeHolder } from '../program.js';
import { addGateOptions, formatValues, gatePolicy, type GateFlags } from '../gate-options.js';
import { CDA_CARRIERS } from '../../artefacts/types.js';

const KINDS = ['cda', 'ins', 'xdm', 'eml', 'evs-report'] as const;

interface ValidateFlags extends GateFlags {
  kind?: string;
  format?: string[];
  output?: string;
  cisis?: string;
  volet?: string;
  xsd?: boolean;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerValidateCommand(program: Command, exit: ExitCodeHolder, value: (name: string) => string): void {
  const validate = program
    .command('validate')
    .argument(`<${value('files')}...>`)
    .option(`--kind <${value('kind')}>`, '')
    .option(`--format <${value('format-spec')}>`, '', repeat)
    .option(`-o, --output <${value('file')}>`, '')
    .option(`--cisis <${value('folder')}>`, '')
    .option(`--volet <${value('name')}>`, '')
    .option('--xsd', '');
  addGateOptions(validate, value).action(async (inputs: string[], flags: ValidateFlags, command: Command) => {
    const global = globalOptions(command);
    if (flags.kind !== undefined && !(KINDS as readonly string[]).includes(flags.kind)) {
      throw new SegurError('artefacts/bad-kind', { value: flags.kind });
    }
    // `--cisis`, else `cisis:` of .segurrc.yaml (the loader is already in memory when a file was read).
    const cisisDir = flags.cisis ?? (global.config?.config.cisis !== undefined ? (await import('../../config/load.js')).configCisis(global.config) : undefined);
    if (flags.volet !== undefined && cisisDir === undefined) throw new SegurError('cisis/volet-needs-cisis');
    if (flags.xsd && cisisDir === undefined) throw new SegurError('cisis/xsd-needs-cisis');
    const gate = gatePolicy(flags, global.config?.config);
    const { VALIDATE_FORMATS, isValidateFormat, renderValidate, validateGate } = await import('../../artefacts/validate-output.js');
    const { parseFormatSpecs, prepareOutputSpecs, writeRenderedSet } = await import('../../report/output.js');
    const specs = parseFormatSpecs(formatValues(flags, undefined, 'tty'), {
      formats: VALIDATE_FORMATS,
      fallback: 'tty',
      isFormat: isValidateFormat,
      unknownCode: 'artefacts/bad-format',
    });
    const prepared = await prepareOutputSpecs(specs, []);
    const cisis =
      cisisDir === undefined ? undefined : await (await import('../../cisis/resolve-options.js')).resolveCisisOptions(cisisDir, { volet: flags.volet, xsd: flags.xsd }, global.lang, undefined, flags.cisis === undefined ? global.config?.file : undefined);
    const { expandValidateInputs } = await import('../../artefacts/validate-inputs.js');
    const { validateFiles } = await import('../../artefacts/validate-files.js');
    const files = await validateFiles(await expandValidateInputs(inputs), flags.kind as (typeof KINDS)[number] | undefined, { cisis });
    // Without --cisis, one run-level note (not one per document) says the volet rules did not run.
    // CDA documents come alone or inside archives (IHE XDM, MSSanté messages carrying one).
    const notes = !cisis && files.some((file) => CDA_CARRIERS.has(file.kind)) ? ['cisis/not-run'] : [];
    const outcome = { files, gate: validateGate(files, gate) };
    const rendered = prepared.map((spec) => ({
      spec,
      data: renderValidate(spec.format as (typeof VALIDATE_FORMATS)[number], outcome, {
        lang: global.lang,
        revealIdentifiers: global.revealIdentifiers,
        color: global.color && spec.path === undefined,
        quiet: gate.quiet,
        gatingWarnings: outcome.gate.strict || outcome.gate.maxWarnings !== undefined,
        notes,
      }),
    }));
    await writeRenderedSet(rendered);
    exit.code = outcome.gate.passed ? 0 : 1;
  });
}
