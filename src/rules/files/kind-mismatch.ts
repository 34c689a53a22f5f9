import { kindAccepts } from '../../bundle/sniff.js';
import { fileRule } from '../file-rule.js';

export const fileKindMismatch = fileRule(
  {
    code: 'file/kind-mismatch',
    severity: 'error',
    verdict: 'non-conforme',
    description: 'The declared kind contradicts the content (magic bytes, XML root element, mail headers).',
  },
  (file) =>
    file.facts.status === 'read' &&
    file.facts.size > 0 &&
    file.ref.declaredKind !== undefined &&
    !kindAccepts(file.ref.declaredKind, file.facts.sniffed)
      ? { declared: file.ref.declaredKind, detected: file.facts.sniffed.format }
      : undefined,
);
