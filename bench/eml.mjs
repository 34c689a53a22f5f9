// `npm run bench:eml` (after `npm run build`): MSSanté messages (issue 12). Measures
//   1. `segur validate` (built CLI, process included) on a 5 MB message carrying a base64
//      IHE_XDM.ZIP, on the message bombs of fixtures/eml/hostile/ (10,000 nested multiparts,
//      10,000 parts, base64 of a zip bomb) and on a tiny message (the memory baseline): wall time
//      and peak RSS (/usr/bin/time %M). Target: each bomb refused in < 1 s, RSS within 10 MB of
//      the tiny message's (flat memory).
//   2. The MIME libraries considered, on the same inputs, one child process each (time and RSS
//      growth): @zone-eu/mailsplit (the splitter segur uses), and, when installed next to it
//      (`npm install --no-save postal-mime@4.0.0 mailparser@3.14.2`), postal-mime and mailparser.
// Prints its Markdown section and records it in bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { recordSection } from './record-section.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/segur.js');
const tmp = join(root, 'bench/tmp/eml');
const TARGETS = { bombSeconds: 1, flatMb: 10 };

/** A ≈5 MB message: valid-professional.eml with a 3.75 MB annex in its IHE_XDM.ZIP (scripts/fixtures/eml.ts). */
function writeLargeMessage(path) {
  const script = `import { writeFileSync } from 'node:fs'; import { largeMessage } from './scripts/fixtures/eml.ts'; writeFileSync(${JSON.stringify(path)}, largeMessage('.', 3_750_000));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
}

function timed(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, rssMb: Number(run.stderr.trim().split('\n').pop()) / 1024, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** `validateEmlBytes` in a fresh process: median time of 5 calls (after one warm-up), RSS growth. */
const IN_PROCESS = `
const [file] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { validateEmlBytes } = await import('./dist/artefacts/eml/validator.js');
const bytes = readFileSync(file);
await validateEmlBytes(bytes);
const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 2);
const times = [];
for (let round = 0; round < 5; round++) {
  const started = performance.now();
  await validateEmlBytes(bytes);
  times.push(performance.now() - started);
}
clearInterval(timer);
times.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: times[2], mb: (Math.max(peak, process.memoryUsage().rss) - before) / 1048576 }));
`;

function inProcess(path) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', IN_PROCESS, path], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

function validateRun(path) {
  const runs = Array.from({ length: 3 }, () => timed([bin, 'validate', '--format', 'json', path]));
  const findings = JSON.parse(runs[0].stdout).files[0].findings.map((finding) => finding.rule);
  return { seconds: median(runs.map((run) => run.seconds)), rssMb: Math.max(...runs.map((run) => run.rssMb)), status: runs[0].status, findings };
}

// One child process per library and input: time of the parse alone, RSS growth during it.
const PROBE = `
const [library, file] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const bytes = readFileSync(file);
let parse;
if (library === 'mailsplit') {
  const { Splitter } = (await import('@zone-eu/mailsplit')).default;
  parse = () => new Promise((resolve, reject) => {
    const splitter = new Splitter({ maxChildNodes: 501 });
    const bodies = [];
    splitter.on('data', (chunk) => { if (chunk.type === 'body') bodies.push(chunk.value); });
    splitter.on('end', () => resolve('ok')); splitter.on('error', (error) => reject(error));
    splitter.end(bytes);
  });
} else if (library === 'postal-mime') {
  const PostalMime = (await import('postal-mime')).default;
  parse = () => PostalMime.parse(bytes, { maxNestingDepth: 16 }).then(() => 'ok');
} else {
  const { simpleParser } = await import('mailparser');
  parse = () => simpleParser(bytes, { maxChildNodes: 501 }).then(() => 'ok');
}
const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 2);
const started = performance.now();
let outcome;
try { outcome = await parse(); } catch (error) { outcome = 'refus : ' + error.message; }
const ms = performance.now() - started;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ ms, mb: (peak - before) / 1048576, outcome }));
`;

function probe(library, file) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, library, file], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) return undefined;
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

function installed(name) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', `await import('${name}')`], { cwd: root }).status === 0;
}

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const big = join(tmp, 'message-5mo.eml');
writeLargeMessage(big);
const inputs = [
  ['message de 5 Mo (IHE_XDM.ZIP en base64)', big],
  ['bombe : 10 000 multiparts imbriqués', join(root, 'fixtures/eml/hostile/nesting-10000.eml')],
  ['bombe : 10 000 parties', join(root, 'fixtures/eml/hostile/parts-10000.eml')],
  ['bombe : base64 d’une bombe zip (128 Mo déclarés)', join(root, 'fixtures/eml/hostile/zip-bomb.eml')],
];

const lines = ['## eml', ''];
lines.push(
  `Mesuré par \`npm run bench:eml\` (bench/eml.mjs) le ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
    `${availableParallelism()} cœurs, charge moyenne ${loadavg()[0].toFixed(1)} au départ (machine partagée). ` +
    'CLI construite, `segur validate --format json`, démarrage du processus compris, médiane de 3 ; RSS = pic (/usr/bin/time %M).',
  '',
  'Colonnes « validation » : `validateEmlBytes` seul dans un processus neuf (médiane de 5 appels après un premier, croissance du RSS pendant ces appels).',
  '',
  '| message | taille | CLI : temps réel | CLI : RSS max | validation | croissance RSS | constats | cible | verdict |',
  '|---|---|---|---|---|---|---|---|---|',
);
const tiny = join(root, 'fixtures/eml/valid-text-only.eml');
const baseline = validateRun(tiny);
const tinyInProcess = inProcess(tiny);
lines.push(
  `| message texte seul (référence) | ${readFileSync(tiny).length} o | ${baseline.seconds.toFixed(2)} s | ${baseline.rssMb.toFixed(0)} MB | ${tinyInProcess.ms.toFixed(1)} ms | +${tinyInProcess.mb.toFixed(1)} MB | ${baseline.findings.join(', ') || '—'} | — | — |`,
);
for (const [label, path] of inputs) {
  const run = validateRun(path);
  const alone = inProcess(path);
  const bomb = label.startsWith('bombe');
  const ok = !bomb || (alone.ms < TARGETS.bombSeconds * 1000 && run.rssMb - baseline.rssMb <= TARGETS.flatMb);
  lines.push(
    `| ${label} | ${(readFileSync(path).length / 1e6).toFixed(2)} Mo | ${run.seconds.toFixed(2)} s | ${run.rssMb.toFixed(0)} MB | ${alone.ms.toFixed(1)} ms | +${alone.mb.toFixed(1)} MB | ${run.findings.join(', ') || '—'} | ` +
      `${bomb ? `refus < ${TARGETS.bombSeconds} s, RSS CLI ≤ référence + ${TARGETS.flatMb} MB` : '—'} | ${bomb ? (ok ? '**tenu**' : '**manqué**') : '—'} |`,
  );
}

const libraries = ['mailsplit', ...['postal-mime', 'mailparser'].filter(installed)];
lines.push(
  '',
  'Bibliothèques MIME, même entrées, un processus par mesure (analyse seule, sans segur ; croissance du RSS pendant l’analyse) :',
  '',
  `| entrée | ${libraries.join(' | ')} |`,
  `|---|${libraries.map(() => '---').join('|')}|`,
);
for (const [label, path] of inputs.slice(0, 3)) {
  const cells = libraries.map((library) => {
    const result = probe(library, path);
    return result ? `${result.ms.toFixed(0)} ms, +${result.mb.toFixed(1)} MB${result.outcome === 'ok' ? '' : ` (${result.outcome})`}` : 'échec';
  });
  lines.push(`| ${label} | ${cells.join(' | ')} |`);
}
if (libraries.length === 1) lines.push('', 'postal-mime et mailparser non installés : comparaison non refaite (voir l’en-tête du script).');
rmSync(tmp, { recursive: true, force: true });
recordSection('eml', lines.join('\n'));
console.log(lines.join('\n'));
