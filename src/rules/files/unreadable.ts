import { fileRule } from '../file-rule.js';

export const fileUnreadable = fileRule(
  { code: 'file/unreadable', severity: 'error', verdict: 'non-conforme', description: 'An evidence file cannot be read (permissions, I/O error).' },
  (file) => (file.facts.status === 'unreadable' ? { reason: file.facts.reason } : undefined),
);
