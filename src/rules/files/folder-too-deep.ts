import { fileRule } from '../file-rule.js';

export const fileFolderTooDeep = fileRule(
  {
    code: 'file/folder-too-deep',
    severity: 'error',
    verdict: 'non-conforme',
    description: 'A folder under a proof folder lies deeper than segur walks: the files it holds are not read, so the proof cannot be judged whole.',
  },
  (file) => (file.facts.status === 'folder-too-deep' ? { max: file.facts.max } : undefined),
);
