export const cli: Record<string, string> = {
  'cli/usage': 'Invalid command line: {detail}\nSee "segur --help".',
  'cli/unknown-command': 'Unknown command "{name}". See "segur --help" for the list of commands.',
  'cli/unknown-option': 'Unknown option "{name}". See "segur --help" or the command’s help.',
  'cli/missing-argument': 'Missing argument "{name}". See the command’s help (--help).',
  'cli/option-missing-value': 'Option "{name}" needs a value.',
  'cli/excess-arguments': 'Too many arguments: {detail}',
  'cli/internal':
    'Unexpected internal error: {detail}\nRun again with --debug to see the stack trace, and report it with the command you ran.',
  'cli/bad-lang': 'Unknown language "{value}": use fr or en.',
  'io/output-not-writable':
    'Cannot write the output file {file}: {reason}\nCheck that the folder exists and that you may write to it.',
  'io/input-unreadable': 'Cannot read {file}: {reason}',
};
