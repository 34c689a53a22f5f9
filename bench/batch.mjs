// Benchmark of `segur batch` (issue 11, point 6): 60 synthetic bundles × 100 proofs, each proof a CDA
// document (the fixture CDA of sample-ok, its id made unique per file), against a generated
// 100-requirement catalog, in bench/tmp/batch/. Measures wall time with --jobs 1 and --jobs 2 (fresh
// --out each time), peak RSS (/usr/bin/time %M: the process and its worker threads), and --resume
// with nothing changed; records the "batch" section of bench/RESULTS.md, then deletes the data.
// Run after `npm run build`: `npm run bench:batch`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { recordSection } from './record-section.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = `${root}bench/tmp/batch/`;
const depots = `${tmp}depots/`;
const segur = `${root}bin/segur.js`;
const BUNDLES = 60;
const PROOFS = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MiB = 1024 * 1024;

function generate() {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(depots, { recursive: true });
  const cda = readFileSync(`${root}fixtures/bundles/sample-ok/proofs/INS_va1.02.01.01/compte-rendu.xml`, 'utf8');
  const requirements = [];
  for (let r = 0; r < PROOFS; r += 1) {
    const id = `BENCH/va1.${String(r + 1).padStart(3, '0')}`;
    requirements.push(
      `  - id: ${id}\n    chapter: Chapitre ${r % 5}\n    function: Fonction ${r}\n    statement: Le logiciel DOIT produire le document ${r}.\n    nature: EXIGENCE\n    conditional: false\n    profiles: [Général]\n    scenarios:\n      - id: ${id}.01\n        text: Scénario\n        proofs:\n          - id: ${id}.01.01\n            text: Document CDA ${r}\n`,
    );
  }
  writeFileSync(
    `${tmp}catalog.yaml`,
    `schema: segur-catalog/1\nid: REM-BENCH-BATCH\ntitle: Catalogue de mesure (synthétique)\nsource:\n  file: bench.xlsx\n  sheet: Exigences\n  sha256: "${'0'.repeat(64)}"\nrequirements:\n${requirements.join('')}`,
  );
  let bytes = 0;
  for (let b = 0; b < BUNDLES; b += 1) {
    // Nested like real deposits: editeur-NN/vK.
    const bundle = `${depots}editeur-${String(Math.floor(b / 2)).padStart(2, '0')}/v${(b % 2) + 1}/`;
    const manifest = ['schema: segur-bundle/1', `editor: { name: Éditeur ${b} }`, `software: { name: Logiciel${b}, version: "1.${b}" }`, 'rem: ../../../catalog.yaml', 'profile: Général', 'requirements:'];
    for (let r = 0; r < PROOFS; r += 1) {
      const id = `BENCH/va1.${String(r + 1).padStart(3, '0')}`;
      const folder = `proofs/${id.replaceAll('/', '_')}.01.01`;
      mkdirSync(`${bundle}${folder}`, { recursive: true });
      const document = cda.replace('<id root="1.2.250.1.999.7.3.20240115.1"/>', `<id root="1.2.250.1.999.7.3.20240115.1.${b}.${r}"/>`);
      if (document === cda) throw new Error('the fixture CDA changed: update bench/batch.mjs');
      writeFileSync(`${bundle}${folder}/document.xml`, document);
      bytes += Buffer.byteLength(document);
      manifest.push(`  ${id}:`, '    status: conforme');
    }
    writeFileSync(`${bundle}segur.yaml`, `${manifest.join('\n')}\n`);
  }
  return bytes;
}

function measure(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M CPU=%U+%S', process.execPath, segur, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * MiB });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = Number(/RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const cpuParts = /CPU=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  const cpu = cpuParts ? Number(cpuParts[1]) + Number(cpuParts[2]) : NaN;
  if (run.status !== 0) throw new Error(`segur ${args.join(' ')} exited ${run.status}: ${run.stderr}\n${run.stdout.slice(-2000)}`);
  return { wall, rss, cpu, stdout: run.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const loadBefore = loadavg()[0];
const genStart = process.hrtime.bigint();
const bytes = generate();
const generation = Number(process.hrtime.bigint() - genStart) / 1e9;
const cda = JSON.stringify(readFileSync(`${root}fixtures/bundles/sample-ok/proofs/INS_va1.02.01.01/compte-rendu.xml`).length);

const one = [];
const two = [];
const resume = [];
for (let round = 0; round < ROUNDS; round += 1) {
  rmSync(`${tmp}out1`, { recursive: true, force: true });
  rmSync(`${tmp}out2`, { recursive: true, force: true });
  one.push(measure(['batch', depots, '--out', `${tmp}out1`, '--jobs', '1']));
  two.push(measure(['batch', depots, '--out', `${tmp}out2`, '--jobs', '2']));
  resume.push(measure(['batch', depots, '--out', `${tmp}out2`, '--jobs', '2', '--resume']));
  if (!resume.at(-1).stdout.includes(`${BUNDLES} dossier(s) inchangé(s) repris`)) throw new Error(`--resume re-checked bundles:\n${resume.at(-1).stdout.slice(-500)}`);
}
const batch = JSON.parse(readFileSync(`${tmp}out2/batch.json`, 'utf8'));
if (batch.verdict !== 'pass' || batch.bundles.length !== BUNDLES) throw new Error(`unexpected batch: ${batch.verdict}, ${batch.bundles.length} bundles`);
const loadAfter = loadavg()[0];

const wall1 = median(one.map((run) => run.wall));
const wall2 = median(two.map((run) => run.wall));
const wallResume = median(resume.map((run) => run.wall));
const speedup = wall1 / wall2;
const rss = Math.max(...[...one, ...two, ...resume].map((run) => run.rss));
const resumeShare = wallResume / wall2;
const documents = BUNDLES * PROOFS;
const verdict = (ok) => (ok ? '**tenu**' : '**manqué**');
const cpuOf = (runs) => median(runs.map((run) => run.cpu)).toFixed(2);
const rounds = (runs) => runs.map((run) => run.wall.toFixed(2)).join(' / ');

const section = `## batch

Mesuré par \`npm run bench:batch\` (bench/batch.mjs) le ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${cpus().length} cœurs (${cpus()[0]?.model.trim() ?? '?'}).
Lot synthétique : ${BUNDLES} dossiers imbriqués (\`editeur-NN/v1\`, \`v2\`) × ${PROOFS} preuves, chacune un document
CDA (celui de sample-ok, ${cda} octets, identifiant unique par fichier ; ${(bytes / 1e6).toFixed(1)} Mo en tout),
catalogue généré de ${PROOFS} exigences ; rapports json + html par dossier, puis batch.json, batch.xlsx,
index.html, matrix.csv, batch.md. Généré en ${generation.toFixed(1)} s puis supprimé. ${ROUNDS} tours
(--jobs 1, --jobs 2, puis --resume sur la sortie de --jobs 2) ; médiane du temps réel ; RSS = pic du
processus et de ses workers (/usr/bin/time %M). Charge (load average 1 min) : ${loadBefore.toFixed(2)} avant,
${loadAfter.toFixed(2)} après — la machine est partagée avec d'autres sessions.

| mesure | temps réel (médiane) | CPU user+sys (médiane) | débit | RSS max | cible | verdict |
|---|---|---|---|---|---|---|
| \`segur batch --jobs 1\` | ${wall1.toFixed(2)} s | ${cpuOf(one)} s | ${(documents / wall1).toFixed(0)} documents/s | ${Math.max(...one.map((run) => run.rss)).toFixed(0)} MB | — | — |
| \`segur batch --jobs 2\` | ${wall2.toFixed(2)} s | ${cpuOf(two)} s | ${(documents / wall2).toFixed(0)} documents/s | ${Math.max(...two.map((run) => run.rss)).toFixed(0)} MB | — | — |
| accélération de 1 à 2 jobs | ${speedup.toFixed(2)} × | | | | ≥ 1,7 × | ${verdict(speedup >= 1.7)} |
| pic de mémoire (toutes les exécutions) | | | | ${rss.toFixed(0)} MB | ≤ 400 MB | ${verdict(rss <= 400)} |
| \`segur batch --jobs 2 --resume\`, rien de changé | ${wallResume.toFixed(2)} s | ${cpuOf(resume)} s | | ${Math.max(...resume.map((run) => run.rss)).toFixed(0)} MB | ≤ 10 % d'un contrôle complet (${(resumeShare * 100).toFixed(1)} %) | ${verdict(resumeShare <= 0.1)} |

Tours : --jobs 1 ${rounds(one)} s ; --jobs 2 ${rounds(two)} s ; --resume ${rounds(resume)} s.
Lecture : chaque dossier est contrôlé et ses rapports rendus dans un worker ; le fil principal ne fait
qu'écrire (et les vignettes, absentes ici). Un contrôle complet à --jobs 1 occupe ${(median(one.map((run) => run.cpu)) / wall1 * 100).toFixed(0)} % d'un cœur :
quand la charge de la machine dépasse son nombre de cœurs (${cpus().length}), un second job ne trouve pas de cœur libre
et l'accélération mesure l'ordonnanceur plus que segur ; le temps CPU (user+sys) est donné pour cela.
Le --resume relit et hache chaque fichier (SHA-256) et ne réécrit rien : ni rapport, ni fichier du lot.
`;

recordSection('batch', section);
if (!process.argv.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
process.stdout.write(section);
