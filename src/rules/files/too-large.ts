import { fileRule } from '../file-rule.js';

export const fileTooLarge = fileRule(
  { code: 'file/too-large', severity: 'error', verdict: 'non-conforme', description: 'An evidence file exceeds the size cap: not read.' },
  (file) => (file.facts.status === 'too-large' ? { size: file.facts.size, max: file.facts.max } : undefined),
);
