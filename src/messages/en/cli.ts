export const cli: Record<string, string> = {
  'cli/usage': 'Invalid command line: {detail}\nSee "segur --help".',
  'cli/unknown-command': 'Unknown command "{name}". See "segur --help" for the list of commands.',
  'cli/unknown-command-suggestion': 'Unknown command "{name}": did you mean "{suggestion}"? See "segur --help" for the list of commands.',
  'cli/unknown-option': 'Unknown option "{name}". See "segur --help" or the command’s help.',
  'cli/unknown-option-suggestion': 'Unknown option "{name}": did you mean "{suggestion}"? See the command’s help (--help).',
  'cli/missing-argument': 'Missing argument "{name}". See the command’s help (--help).',
  'cli/option-missing-value': 'Option "{name}" needs a value.',
  'cli/missing-option': 'Required option "{name}" is missing: "{command}" cannot do without it. See "{command} --help".',
  'cli/excess-arguments':
    'Too many arguments for "{command}" ({expected, plural, one {# expected} other {# expected}}): "{extra}" too many. Quote a path with spaces.',
  'cli/internal':
    'Unexpected internal error: {detail}\nRun again with --debug to see the stack trace, and report it with the command you ran.',
  'cli/bad-lang': 'Unknown language "{value}" for --lang: use fr or en.',
  'cli/bad-lang-env': 'Unknown language "{value}" in the SEGUR_LANG variable: use fr or en.',
  'cli/bad-date': 'Invalid date "{value}" for --date: give an ISO 8601 date that exists, e.g. 2026-03-14 or 2026-03-14T09:30:00Z.',
  'cli/bad-source-date-epoch':
    'SOURCE_DATE_EPOCH is "{value}": it must be a whole number of seconds since 1 January 1970 (e.g. $(git log -1 --format=%ct)). Fix the variable or unset it.',
  'cli/bad-csv-separator': 'Unknown CSV separator "{value}": use ";", "," or tab.',
  'cli/bad-fail-level': 'Unknown level "{value}" for --fail-level: use error or warning.',
  'cli/bad-max-warnings': 'Invalid value "{value}" for --max-warnings: give a whole number, zero or more.',
  'cli/output-format-unknown': 'Cannot infer the format of {file} from its extension: add --format (e.g. --format json -o {file}).',
  'cli/output-ambiguous':
    '-o/--output {file} can only name the file of one format given without a file (--format json -o {file}); for several outputs, write --format FORMAT:FILE for each.',
  'io/output-not-writable': 'Cannot write the output file {file}: {reason}\nCheck that the folder exists and that you may write to it.',
  'io/input-unreadable': 'Cannot read {file}: {reason}',
};
