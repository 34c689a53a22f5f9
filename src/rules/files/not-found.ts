import { fileRule } from '../file-rule.js';

export const fileNotFound = fileRule(
  { code: 'file/not-found', severity: 'error', verdict: 'non-conforme', description: 'A listed evidence file does not exist.' },
  (file) => (file.facts.status === 'not-found' ? {} : undefined),
);
