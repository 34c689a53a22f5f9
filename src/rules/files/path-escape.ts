import { fileRule } from '../file-rule.js';

export const pathEscape = fileRule(
  {
    code: 'bundle/path-escape',
    severity: 'error',
    verdict: 'non-conforme',
    description: 'An evidence path is absolute, holds `..` or a NUL byte: refused without reading.',
  },
  (file) => (file.facts.status === 'path-escape' ? {} : undefined),
);
