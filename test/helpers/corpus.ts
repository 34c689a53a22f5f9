// The real ANS material lives in ../shared/corpus (beside the project, never copied into it).
// Tests that need it skip, saying why, when it is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const hasCorpus = existsSync(corpusRoot);
export const corpusSkipReason = `corpus ANS absent (${corpusRoot}) : tests sur le matériel réel ignorés`;

export function corpusPath(relative: string): string {
  return corpusRoot + relative;
}

if (!hasCorpus) console.warn(corpusSkipReason);
