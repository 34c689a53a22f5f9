import { fileRule } from '../file-rule.js';

export const symlinkEscape = fileRule(
  {
    code: 'bundle/symlink-escape',
    severity: 'error',
    verdict: 'non-conforme',
    description: 'An evidence path (or its folder) is a symlink leading outside the bundle: refused without reading.',
  },
  (file) => (file.facts.status === 'symlink-escape' ? {} : undefined),
);
