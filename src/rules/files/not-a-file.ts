import { fileRule } from '../file-rule.js';

export const fileNotAFile = fileRule(
  { code: 'file/not-a-file', severity: 'error', verdict: 'non-conforme', description: 'An evidence path names a folder or a device, not a file.' },
  (file) => (file.facts.status === 'not-a-file' ? {} : undefined),
);
