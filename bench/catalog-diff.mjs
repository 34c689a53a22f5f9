// Benchmark of `segur catalog diff` (issue 13). Generates two catalogs of 1,000 requirements × 2
// scenarios × 2 proofs into bench/tmp/ (JSON, a CATALOG file form): a realistic new version (10 %
// reworded, 5 % renumbered with VA N-1, 5 % renumbered without — paired by similarity —, 2 % added,
// 2 % removed), and the worst case for pairing: every requirement renumbered without VA N-1, so that
// the similarity stage compares 1,000 × 1,000 = 1,000,000 pairs (MAX_SIMILARITY_CANDIDATES, the bound
// beyond which it is skipped). Runs the built CLI (JSON to a file), 5 times each: median wall time,
// CPU time, peak RSS. Writes the "catalog diff" section of bench/RESULTS.md.
// Run after `npm run build`: `npm run bench:catalog-diff`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { recordSection } from './record-section.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = `${root}bench/tmp/`;
const segur = `${root}bin/segur.js`;
const RUNS = 5;
const COUNT = 1000;
const WORDS = ['dossier', 'patient', 'document', 'identité', 'envoi', 'message', 'journal', 'trace', 'profil', 'volet', 'annuaire', 'structure', 'professionnel', 'consultation', 'alerte', 'archive'];

function statement(index) {
  const pick = (offset) => WORDS[(index * 7 + offset * 13) % WORDS.length];
  return `Le logiciel DOIT permettre la fonction ${index} : ${pick(1)} ${pick(2)} du ${pick(3)} avec ${pick(4)} et ${pick(5)}, en conservant la ${pick(6)} de chaque ${pick(7)} (référence ${(index * 7331) % 65521}).`;
}

function requirement(id, index, fields = {}) {
  return {
    id,
    chapter: 'Chapitre',
    function: `Fonction ${index}`,
    statement: statement(index),
    nature: 'EXIGENCE',
    conditional: false,
    profiles: ['Général'],
    scenarios: [1, 2].map((s) => ({
      id: `${id}.0${s}`,
      text: `Scénario ${s} de la fonction ${index}`,
      proofs: [1, 2].map((p) => ({ id: `${id}.0${s}.0${p}`, text: `Capture ${p} du scénario ${s} de la fonction ${index}` })),
    })),
    ...fields,
  };
}

function catalog(id, requirements) {
  return { schema: 'segur-catalog/1', id, title: id, source: { file: `${id}.xlsx`, sheet: 'Exigences', sha256: '0'.repeat(64) }, requirements };
}

function writeCatalogs() {
  mkdirSync(tmp, { recursive: true });
  const old = Array.from({ length: COUNT }, (_, i) => requirement(`B/va1.${i + 1}`, i));
  const next = [];
  for (let i = 0; i < COUNT; i++) {
    if (i % 50 === 0) continue; // 2 % removed
    if (i % 20 === 1) next.push(requirement(`B/va2.${i + 1}`, i, { previousId: `B/va1.${i + 1}` }));
    else if (i % 20 === 2) next.push(requirement(`B/vb2.${i + 1}`, i));
    else if (i % 10 === 3) next.push(requirement(`B/va1.${i + 1}`, i, { statement: `${statement(i)} Il PEUT aussi l’exporter.` }));
    else next.push(requirement(`B/va1.${i + 1}`, i));
    if (i % 50 === 25) next.push(requirement(`B/new.${i + 1}`, i + COUNT, { statement: `Nouvelle exigence ${i} : l’éditeur fournit une attestation signée de ${WORDS[i % WORDS.length]} avant chaque mise en production.` }));
  }
  const worst = old.map((entry, i) => requirement(`W/va2.${i + 1}`, i));
  writeFileSync(`${tmp}diff-old.json`, JSON.stringify(catalog('BENCH-Va1', old)));
  writeFileSync(`${tmp}diff-new.json`, JSON.stringify(catalog('BENCH-Va2', next)));
  writeFileSync(`${tmp}diff-worst.json`, JSON.stringify(catalog('BENCH-WORST', worst)));
}

function measure(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M CPU=%U+%S', process.execPath, segur, ...args], { cwd: root, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`segur ${args.join(' ')} failed: ${run.stderr}`);
  const rss = Number(/RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  return { wall, rss, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN };
}

function series(args) {
  const results = Array.from({ length: RUNS }, () => measure(args));
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wall: median(results.map((r) => r.wall)), cpu: median(results.map((r) => r.cpu)), rss: Math.max(...results.map((r) => r.rss)) };
}

if (!existsSync(`${root}dist/cli/main.js`)) {
  console.error('Build first: npm run build');
  process.exit(1);
}
const loadAtStart = loadavg().map((value) => value.toFixed(2)).join(' / ');
writeCatalogs();
const realistic = series(['catalog', 'diff', `${tmp}diff-old.json`, `${tmp}diff-new.json`, '--format', `json:${tmp}diff-out.json`]);
const summary = JSON.parse(readFileSync(`${tmp}diff-out.json`, 'utf8')).summary.requirements;
const worst = series(['catalog', 'diff', `${tmp}diff-old.json`, `${tmp}diff-worst.json`, '--format', `json:${tmp}diff-worst-out.json`]);
const worstSummary = JSON.parse(readFileSync(`${tmp}diff-worst-out.json`, 'utf8')).summary.requirements;
const small = series(['catalog', 'diff', 'fixtures/rem-versions/REM-DIFF-Va1.yaml', 'fixtures/rem-versions/REM-DIFF-Va2.yaml', '--format', `json:${tmp}diff-small.json`]);

const ms = (seconds) => `${Math.round(seconds * 1000)} ms`;
const mb = (value) => `${Math.round(value)} MB`;
const counts = (s) => `${s.added} ajoutées, ${s.removed} retirées, ${s.renamed} renommées, ${s.changed} modifiées, ${s.unchanged} inchangées`;
const section = `## catalog diff

Mesuré par \`npm run bench:catalog-diff\` (bench/catalog-diff.mjs) le ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), charge moyenne au départ ${loadAtStart}.
Catalogues générés (JSON) : ${COUNT} exigences × 2 scénarios × 2 preuves. Sortie JSON dans un fichier.
Médiane de ${RUNS} exécutions ; RSS = maximum des pics (/usr/bin/time %M).

| cas | résultat | temps réel (médiane) | CPU user+sys | RSS max |
|---|---|---|---|---|
| nouvelle version réaliste | ${counts(summary)} | ${ms(realistic.wall)} | ${ms(realistic.cpu)} | ${mb(realistic.rss)} |
| pire cas : tout renuméroté sans VA N-1 (1 000 000 paires comparées) | ${counts(worstSummary)} | ${ms(worst.wall)} | ${ms(worst.cpu)} | ${mb(worst.rss)} |
| paire d’exemple fixtures/rem-versions (13 exigences, référence) | — | ${ms(small.wall)} | ${ms(small.cpu)} | ${mb(small.rss)} |

Profil (\`node --cpu-prof\`, cas réaliste, relevé à la main le 2026-11-30) : l’essentiel du temps est la
lecture des deux catalogues JSON (1 Mo chacun, lus par la bibliothèque yaml dans src/catalog/store.ts) et le
ramasse-miettes ; appariement, différences mot à mot et rendu JSON ≈ 100 ms.
Au-delà de 1 000 000 paires candidates (MAX_SIMILARITY_CANDIDATES, src/catalog/diff/match.ts),
l’étape de similarité n’est pas tentée (\`similarityLimited\`) : le coût reste borné quel que soit le catalogue.
`;
recordSection('catalog diff', section);
console.log(section);
