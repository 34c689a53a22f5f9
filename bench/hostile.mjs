// `npm run bench:hostile` (after `npm run build`): every hostile input of
// scripts/fixtures/hostile-inputs.ts through the built CLI, one process each, under /usr/bin/time:
// wall time and peak RSS against the targets of issue 9 (each ≤ 2 s, ≤ 300 MB). Inputs are
// generated in bench/tmp/ and removed after. Prints its Markdown section and records it in
// bench/RESULTS.md. Run with tsx (the generator is TypeScript): see package.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSection } from './record-section.mjs';
import { HOSTILE_CASES } from '../scripts/fixtures/hostile-inputs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/segur.js');
const TARGETS = { seconds: 2, rssMb: 300 };
const RUNS = 3;

const scratch = join(root, 'bench/tmp/hostile');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });

function timed(args, cwd) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
  return { seconds, rssMb, status: run.status };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = loadavg()[0].toFixed(2);
const rows = [];
for (const hostile of HOSTILE_CASES) {
  const dir = mkdtempSync(join(scratch, `${hostile.name}-`));
  const args = hostile.make(dir, root);
  const runs = Array.from({ length: RUNS }, () => timed(args, dir));
  const seconds = median(runs.map((run) => run.seconds));
  const rssMb = Math.max(...runs.map((run) => run.rssMb));
  const status = runs[0].status;
  const held = seconds <= TARGETS.seconds && rssMb <= TARGETS.rssMb && status === hostile.expected.status;
  rows.push(`| ${hostile.name} | ${hostile.kind} | ${status} (attendu ${hostile.expected.status}) | ${seconds.toFixed(2)} s | ${Math.round(rssMb)} MB | ${held ? '**tenu**' : '**non tenu**'} |`);
  console.error(`${hostile.name}: ${seconds.toFixed(2)} s, ${Math.round(rssMb)} MB, exit ${status}`);
}
rmSync(scratch, { recursive: true, force: true });

const section = `## hostile inputs

Mesuré par \`npm run bench:hostile\` (bench/hostile.mjs) le ${new Date().toISOString().slice(0, 10)}, Node ${process.version},
${availableParallelism()} cœurs, charge moyenne au départ ${load}. Chaque entrée est générée par
scripts/fixtures/hostile-inputs.ts (les mêmes que test/hostile/hostile-cli.test.ts), puis passée à la CLI
construite dans un processus à part ; médiane de ${RUNS} exécutions (démarrage du processus compris), RSS = pic
(/usr/bin/time %M). Cibles : ≤ ${TARGETS.seconds} s et ≤ ${TARGETS.rssMb} MB par entrée, code de sortie documenté.

| entrée | ce qu’elle éprouve | sortie | temps réel | RSS max | verdict |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
console.log(section);
recordSection('hostile inputs', section);
