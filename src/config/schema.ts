// The run configuration a CI sets every time (`.segurrc.yaml`, or the `segur:` key of segur.yaml):
// the options of docs/product.md that stay the same from run to run. Strict like the manifest: a
// misspelt key is a typo the user wants to hear about. Keys are spelt like the command-line flags.
import { z } from 'zod';

export const LANGS = ['fr', 'en'] as const;
export const FAIL_LEVELS = ['error', 'warning'] as const;
/** `tab` stands for the tabulation character, awkward to write in YAML and on a command line. */
export const CSV_SEPARATORS = [';', ',', 'tab'] as const;

export type FailLevel = (typeof FAIL_LEVELS)[number];
export type CsvSeparatorName = (typeof CSV_SEPARATORS)[number];

export const RunConfigSchema = z.strictObject({
  /** Language of messages and reports. */
  lang: z.enum(LANGS).optional(),
  /** `segur check`'s outputs, as `--format FMT[:FILE]` values; command-line formats replace them. */
  format: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** Gate level: `warning` also fails on warnings (`--strict`). */
  'fail-level': z.enum(FAIL_LEVELS).optional(),
  /** Gate fails beyond this many warnings (outside PRECONISATIONs). */
  'max-warnings': z.number().int().min(0).optional(),
  /** Errors only in the outputs. */
  quiet: z.boolean().optional(),
  /** Field separator of every CSV written (default `;` in French, `,` in English). */
  'csv-separator': z.enum(CSV_SEPARATORS).optional(),
  /**
   * TestContenuCDA folder for `validate` and `check` (as `--cisis`), relative to the file. Only in
   * `.segurrc.yaml`: a manifest names its tree with its own top-level `cisis:` key.
   */
  cisis: z.string().min(1).optional(),
});

export type RunConfig = z.infer<typeof RunConfigSchema>;

/** The `segur:` key of segur.yaml: the run options but `cisis` (the manifest's own `cisis:` key says it). */
export const ManifestRunConfigSchema = RunConfigSchema.omit({ cisis: true });
