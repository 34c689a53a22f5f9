// `npm run bench:cli` (after `npm run build`): what the CLI costs before any work — `segur --version`,
// `segur --help` and `segur check --help` (median of 9 runs, process start included, next to a bare
// `node -e 0`) — and what `segur validate`'s own pattern expansion (tinyglobby) and folder walk cost
// over 5,000 files in 50 folders, against listing the files on the command line. Prints its Markdown
// section and records it in bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSection } from './record-section.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/segur.js');
const env = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };

function seconds(args, cwd = root) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median(runs, args, cwd) {
  const values = Array.from({ length: runs }, () => seconds(args, cwd)).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

const ms = (value) => `${Math.round(value * 1000)} ms`;

const startup = [
  ['`node -e 0` (Node seul)', ['-e', '0']],
  ['`segur --version`', [bin, '--version']],
  ['`segur --help`', [bin, '--help']],
  ['`segur check --help`', [bin, 'check', '--help']],
].map(([label, args]) => [label, median(9, args)]);

// 5,000 small text files (kind: log, one warning each): the cost measured is finding them, not validating.
const work = join(root, 'bench/tmp/cli-glob');
rmSync(work, { recursive: true, force: true });
const files = [];
for (let folder = 0; folder < 50; folder += 1) {
  mkdirSync(join(work, 'export', `f${folder}`), { recursive: true });
  for (let index = 0; index < 100; index += 1) {
    const path = join('export', `f${folder}`, `doc-${index}.txt`);
    copyFileSync(join(root, 'README.md'), join(work, path));
    files.push(path);
  }
}
const listed = median(3, [bin, 'validate', '--format', 'json', ...files], work);
const walked = median(3, [bin, 'validate', '--format', 'json', 'export'], work);
const globbed = median(3, [bin, 'validate', '--format', 'json', 'export/**/*.txt'], work);
rmSync(work, { recursive: true, force: true });

const lines = ['## cli', ''];
lines.push(`Machine : ${availableParallelism()} cœurs, charge moyenne ${loadavg()[0].toFixed(1)} au moment de la mesure.`, '');
lines.push('| commande | médiane (9 exécutions, démarrage du processus compris) |', '|---|---:|');
for (const [label, value] of startup) lines.push(`| ${label} | ${ms(value)} |`);
lines.push('', '`segur validate --format json` sur 5 000 fichiers texte (50 dossiers), médiane de 3 :', '');
lines.push('| entrées | durée |', '|---|---:|');
lines.push(`| 5 000 chemins sur la ligne de commande | ${ms(listed)} |`);
lines.push(`| le dossier \`export\` (parcours) | ${ms(walked)} |`);
lines.push(`| le motif \`"export/**/*.txt"\` (tinyglobby) | ${ms(globbed)} |`);
const section = `${lines.join('\n')}\n`;
process.stdout.write(section);
recordSection('cli', section);
