// Every benchmark prints its Markdown section and records it in bench/RESULTS.md, replacing the
// previous section of the same heading (other sections are left as they are).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const resultsFile = new URL('./RESULTS.md', import.meta.url);

/** `section` starts with its `## heading` line. */
export function recordSection(heading, section) {
  let results = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmarks\n';
  const pattern = new RegExp(`## ${heading}\\n[\\s\\S]*?(?=\\n## |$)`);
  results = pattern.test(results) ? results.replace(pattern, section.trimEnd() + '\n') : `${results.trimEnd()}\n\n${section.trimEnd()}\n`;
  writeFileSync(resultsFile, results);
}
