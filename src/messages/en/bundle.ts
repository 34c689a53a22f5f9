// Manifest, bundle, `segur init` and `segur check` run messages (exit 2 errors and terminal report words).
const where = '{file}, line {line}, column {column}';

export const bundle: Record<string, string> = {
  'manifest/not-found':
    'No manifest {file}: "{dir}" is not an evidence bundle. Create one with "segur init {dir} --rem CATALOG".',
  'manifest/other-name':
    'No manifest {file}, but there is {found}: segur only reads the name segur.yaml. Rename {name} to segur.yaml (its content may stay as it is: YAML, or JSON, which is valid YAML).',
  'manifest/unreadable': 'Cannot read the manifest {file}: {reason}',
  'manifest/outside-bundle': 'The manifest {file} links to a file outside the evidence folder: refused (the manifest is part of the deposited folder).',
  'manifest/too-many-entries': 'The manifest {file} holds more than {max} keys and list items ({count} read): not a realistic manifest, refused before any check.',
  'manifest/large-not-plain': '{file}, line {line}, column {column}: this manifest of more than {max} characters leaves plain YAML here (anchor, alias, tag, repeated or non-text key, second document, tab starting a line, control character, quoted text over several lines, syntax error). A manifest this large must stay plain YAML, like the one « segur init » writes: fix this line.',
  'manifest/too-deep': '{file}, line {line}, column {column}: more than {max} levels of nesting; a manifest has five: this file is not one.',
  'manifest/multiple-documents': '{file}, line {line}: a second YAML document (after "---"); a manifest holds only one.',
  'bundle/too-many-files': 'The evidence bundle attaches more than {max} files to its proofs (at least {count}): a REM asks for a few hundred; check refused before any read.',
  'manifest/too-large': 'The manifest {file} is {size} bytes (maximum {max}): it is not a segur.yaml manifest.',
  'manifest/yaml-syntax': `${where}: invalid YAML ({detail}). Fix the syntax (indentation, colons, quotes).`,
  'manifest/yaml-tag': `${where}: {field} carries the YAML tag "{tag}": this file holds only text, numbers, lists and mappings. Remove the tag (for example "status: conforme").`,
  'manifest/reserved-key': `${where}: the key "{key}" is reserved (JavaScript would lose it when loading): it is not a REM identifier.`,
  'manifest/duplicate-key': `${where}: key "{key}" appears twice at the same level. Merge its two entries.`,
  'manifest/not-a-mapping': '{file}: the manifest must be a mapping (keys schema, rem, profile, requirements…).',
  'manifest/unknown-key': `${where}: unknown key "{key}" in {field}. Allowed keys: {allowed}.`,
  'manifest/unknown-key-suggestion': `${where}: unknown key "{key}" in {field}: did you mean "{suggestion}"? Allowed keys: {allowed}.`,
  'manifest/missing-field': `${where}: required field "{key}" missing in {field}.`,
  'manifest/expected-text': `${where}: {field} must be a text.`,
  'manifest/expected-text-quote': `${where}: {field} must be a text, but YAML reads {written} as a number or a boolean. Write it in quotes: "{written}".`,
  'manifest/expected-mapping': `${where}: {field} must be a mapping (key: value).`,
  'manifest/expected-list': `${where}: {field} must be a list ("- path: …" lines).`,
  'manifest/expected-number': `${where}: {field} must be a number.`,
  'manifest/expected-boolean': `${where}: {field} must be true or false.`,
  'manifest/expected-text-or-list': `${where}: {field} must be a text or a list of texts.`,
  'manifest/wrong-type': `${where}: {field} has the wrong type (expected: {expected}).`,
  'manifest/bad-value': `${where}: {field} is "{value}"; allowed values: {allowed}.`,
  'manifest/bad-sha256': `${where}: {field} must be a SHA-256 digest (64 hexadecimal characters).`,
  'manifest/empty-value': `${where}: {field} must not be empty.`,
  'manifest/bad-profile': `${where}: {field} must be a profile name or a list of profile names.`,
  'manifest/invalid': `${where}: {field} is invalid ({detail}).`,
  'manifest/no-rem': '{file}: no REM catalog given. Add "rem: ID_OR_FILE" to the manifest, or pass --rem CATALOG.',
  'manifest/unknown-profile': 'Profile "{profile}" is not in catalog {catalog}. Available profiles: {available}.',
  'bundle/not-a-directory': 'The evidence bundle "{dir}" cannot be found or is not a folder ({reason}).',
  'init/manifest-exists':
    '{file} already exists: segur init never replaces a manifest. Edit it, or delete it to start again.',
  'init/manifest-reserved-key':
    'Manifest {file} would have a key "{key}", which "segur check" refuses (a requirement or proof id of the catalog): nothing was written. Fix the catalog.',
  'init/manifest-too-large':
    'Manifest {file} would be {size} bytes, beyond the {max} bytes "segur check" accepts: nothing was written. Narrow it to a profile (--profile); a published REM makes a far smaller manifest.',
  'init/manifest-too-many-entries':
    'Manifest {file} would have {count} keys and list items, beyond the {max} "segur check" accepts: nothing was written. Narrow it to a profile (--profile); a published REM makes far fewer.',
  'init/not-writable': 'Cannot create the evidence bundle {dir}: {reason}',
  'init/done': 'Manifest {file} created: {requirements, plural, one {# requirement} other {# requirements}} of profile {profiles}, {folders, plural, one {# proof folder} other {# proof folders}}.',
  'check/unknown-format': 'Unknown report format "{format}". Available formats: {available}.',
  'check/binary-format-needs-path': 'Format {format} is binary: give a file, e.g. --format {format}:report.{format}.',
  'check/stdout-taken': 'Only one format can go to standard output; give the others a file (--format FORMAT:FILE).',
  'check/format-empty-path': '--format {format}: no file name after the colon: give one (--format {format}:report.{format}), or drop the colon to write to standard output.',
  'check/same-output-twice': 'Two formats asked into the same file {file}: the second would overwrite the first. Give each its own file.',
  'check/output-inside-bundle':
    'Report {file} would be written inside the evidence bundle {dir}, which is never modified: choose a file outside it.',
  'check/progress': 'Checking evidence: {done}/{total} files',
  'tty/title': 'Bundle {bundle} — REM {catalog} ({profiles})',
  'tty/summary':
    'Requirements: {requirements} — compliant: {conforme} · non-compliant: {nonConforme} · incomplete: {incomplet} · not applicable: {nonApplicable} — errors: {errors} · warnings: {warnings}',
  'tty/bundle-findings': 'Manifest and bundle',
  'tty/verdict-conforme': 'compliant',
  'tty/verdict-non-conforme': 'non-compliant',
  'tty/verdict-incomplet': 'incomplete',
  'tty/verdict-non-applicable': 'not applicable',
  'tty/preconisation': 'recommendation',
};
