import { fileRule } from '../file-rule.js';

export const fileSha256Mismatch = fileRule(
  {
    code: 'file/sha256-mismatch',
    severity: 'error',
    verdict: 'non-conforme',
    description: 'The SHA-256 declared in the manifest differs from the file’s.',
  },
  (file) =>
    file.facts.status === 'read' && file.ref.declaredSha256 !== undefined && file.ref.declaredSha256 !== file.facts.sha256
      ? { expected: file.ref.declaredSha256, actual: file.facts.sha256 }
      : undefined,
);
