import { fileRule } from '../file-rule.js';

export const fileEmpty = fileRule(
  { code: 'file/empty', severity: 'error', verdict: 'non-conforme', description: 'An evidence file is empty (0 bytes).' },
  (file) => (file.facts.status === 'read' && file.facts.size === 0 ? {} : undefined),
);
