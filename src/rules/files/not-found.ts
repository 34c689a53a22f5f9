import { fileRule } from '../file-rule.js';

export const fileNotFound = fileRule(
  { code: 'file/not-found', severity: 'error', verdict: 'non-conforme', description: 'A listed evidence file does not exist.' },
  // A name differing only by case is the file on macOS and Windows, not on Linux: said as such.
  (file) => (file.facts.status === 'not-found' ? (file.facts.nearMatch === undefined ? {} : { suggestion: file.facts.nearMatch }) : undefined),
);
