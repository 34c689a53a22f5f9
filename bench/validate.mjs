// `npm run bench:validate` (after `npm run build`): `segur validate` wall time on the 94 ANS
// examples (median of 5, process start included) and throughput / peak RSS on 10,000 synthetic
// documents written to bench/tmp/. Prints its Markdown section and records it in bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { recordSection } from './record-section.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/segur.js');
const examples = join(root, '../shared/corpus/cda/ans-examples');
// Issue 8: with every document read to its last byte for well-formedness.
const TARGETS = { examplesSeconds: 1.0, docsPerSecond: 1500, rssMb: 300 };

/** Runs the CLI under /usr/bin/time; wall seconds, peak RSS (MB), exit status. */
function timed(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = Number(run.stderr.trim().split('\n').pop());
  return { seconds, rssMb: rssKb / 1024, status: run.status, stdout: run.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function insKey(body) {
  return (97n - (BigInt(body) % 97n)).toString().padStart(2, '0');
}

function writeSynthetic(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const templates = ['valid-n1.xml', 'valid-n3.xml'].map((name) => readFileSync(join(root, 'fixtures/cda', name), 'utf8'));
  const paths = [];
  for (let index = 0; index < count; index += 1) {
    // A different test identity (order number) and document id per file; keys stay right.
    const body = `28503691230${String(index % 100).padStart(2, '0')}`.slice(0, 10) + String(index % 1000).padStart(3, '0');
    const ins = body + insKey(body);
    const text = templates[index % 2]
      .replaceAll('285036912304579', ins)
      .replace('1.2.250.1.999.7.3.20240115.1', `1.2.250.1.999.7.3.20240115.${index + 1}`);
    const path = join(dir, `doc-${String(index).padStart(5, '0')}.xml`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}

const lines = ['## validate', ''];
lines.push(
  `Mesuré par \`npm run bench:validate\` (bench/validate.mjs) le ${new Date().toISOString().slice(0, 10)}, ` +
    `Node ${process.version}, ${availableParallelism()} cœurs, charge moyenne ${loadavg()[0].toFixed(1)} au départ ` +
    '(machine partagée : les temps varient avec elle). CLI construite, `segur validate --format json`, chaque document lu jusqu’au dernier octet (bonne forme, espaces de noms, décodage strict), ' +
    'démarrage du processus compris ; RSS = pic (/usr/bin/time %M).',
  '',
  '| mesure | temps réel | débit | RSS max | cible | verdict |',
  '|---|---|---|---|---|---|',
);
const verdict = (ok) => (ok ? '**tenu**' : '**manqué**');
const notes = [];

if (existsSync(examples)) {
  const files = readdirSync(examples).filter((name) => name.endsWith('.xml')).sort().map((name) => join(examples, name));
  const runs = Array.from({ length: 5 }, () => timed(['validate', '--format', 'json', ...files]));
  const wall = median(runs.map((run) => run.seconds));
  const rss = Math.max(...runs.map((run) => run.rssMb));
  const report = JSON.parse(runs[0].stdout);
  const withErrors = report.files.filter((file) => file.findings.some((finding) => finding.severity === 'error')).length;
  lines.push(
    `| ${files.length} exemples ANS (médiane de 5) | ${wall.toFixed(2)} s | ${(files.length / wall).toFixed(0)} docs/s | ${rss.toFixed(0)} MB | ` +
      `≤ ${TARGETS.examplesSeconds} s, bonne forme vérifiée jusqu’au dernier octet | ${verdict(wall <= TARGETS.examplesSeconds)} |`,
  );
  notes.push(`Tours sur les exemples : ${runs.map((run) => run.seconds.toFixed(2)).join(' / ')} s ; sortie ${runs[0].status}, ${withErrors} fichiers en erreur (les 10 clés INS fausses et le qualifiant SP d’eDISP-MED).`);
} else {
  notes.push('Exemples ANS : corpus absent (../shared/corpus), non mesurés.');
}

const count = 10_000;
const paths = writeSynthetic(join(root, 'bench/tmp/validate-synthetic'), count);
const run = timed(['validate', '--format', 'json', ...paths]);
const rate = count / run.seconds;
const report = JSON.parse(run.stdout);
const findings = report.files.reduce((sum, file) => sum + file.findings.length, 0);
lines.push(
  `| ${count.toLocaleString('fr')} documents synthétiques (moitié niveau 1, moitié niveau 3, ≈5 Ko) | ${run.seconds.toFixed(2)} s | ` +
    `${rate.toFixed(0)} docs/s | ${run.rssMb.toFixed(0)} MB | ≥ ${TARGETS.docsPerSecond} docs/s, ≤ ${TARGETS.rssMb} MB | ` +
    `${verdict(rate >= TARGETS.docsPerSecond && run.rssMb <= TARGETS.rssMb)} |`,
);
notes.push(`Documents synthétiques : sortie ${run.status}, ${findings} constats ; pool de workers (lots de fichiers).`);
lines.push('', ...notes);
recordSection('validate', lines.join('\n'));
console.log(lines.join('\n'));
