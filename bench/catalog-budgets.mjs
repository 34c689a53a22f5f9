// Catalog budgets against the attack report's inputs (items 7, 16, 18): a workbook whose rows all point
// at one long shared string, `catalog diff` on a 300,000-word statement and on 1,000 × 1,000 renumbered
// requirements with long statements, `init` on a catalog of 130,000 proofs and on one whose manifest
// would pass what `check` reads. The inputs are generated here (same shapes as the attack's). Each runs
// through the built CLI (median of RUNS, peak RSS by /usr/bin/time) against the targets: ≤ 2 s,
// ≤ 300 MB, exit 0 or 2, no stack trace. With SEGUR_BEFORE=/path/to/an/older/bin/segur.js, each input
// also runs once through that build (the "avant" column). Writes the "catalog budgets" section of
// bench/RESULTS.md. Run after `npm run build`: `npm run bench:catalog-budgets`.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readZipEntries, writeZip } from '../scripts/fixtures/rem-zip.ts';
import { recordSection } from './record-section.mjs';
import { budgetVerdict, prepareBench } from './budget-verdict.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = `${root}bench/tmp/catalog-budgets/`;
const segur = `${root}bin/segur.js`;
const before = process.env.SEGUR_BEFORE;
const RUNS = 3;

const loadAtStart = prepareBench(root, tmp);

/** Deterministic pseudo-random words (a linear congruential generator). */
function randomWords(count, seed, range) {
  let state = seed;
  const words = [];
  for (let index = 0; index < count; index++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    words.push(`m${state % range}`);
  }
  return words;
}

const HEAD = (id) => `schema: segur-catalog/1\nid: ${id}\ntitle: t\nsource: {file: a.xlsx, sheet: s, sha256: "${'0'.repeat(64)}"}\nrequirements:\n`;
const requirementYaml = (id, statement, scenarios = '[]') =>
  `  - id: ${id}\n    chapter: c\n    function: f\n    statement: "${statement}"\n    nature: EXIGENCE\n    conditional: false\n    profiles: [G]\n    scenarios: ${scenarios}\n`;
const file = (name, text) => {
  writeFileSync(tmp + name, text);
  return tmp + name;
};

// Item 7: N rows, each an inline id and a reference to ONE 32,000-character shared string.
const sample = await readZipEntries(readFileSync(`${root}fixtures/rem/REM-SAMPLE-LGC.xlsx`));
function amplified(name, rows) {
  const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const data = Array.from({ length: rows }, (_, index) => `<row r="${index + 2}">${inline(`A${index + 2}`, `X/va${index + 2}`)}<c r="B${index + 2}" t="s"><v>0</v></c></row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline('A1', 'ID')}${inline('B1', 'Exigence')}</row>${data.join('')}</sheetData></worksheet>`;
  const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Le logiciel DOIT ${'x'.repeat(31_983)}</t></si></sst>`;
  const entries = sample.map((entry) =>
    entry.name === 'xl/worksheets/sheet1.xml' ? { name: entry.name, data: Buffer.from(sheet) } : entry.name === 'xl/sharedStrings.xml' ? { name: entry.name, data: Buffer.from(strings) } : entry,
  );
  writeFileSync(tmp + name, writeZip(entries));
  return tmp + name;
}
const amp15 = amplified('amp15000.xlsx', 15_000);
const amp40 = amplified('amp40000.xlsx', 40_000);

// Item 16: one requirement of 300,000 words, 990 of them changed (2 MB catalogs).
const long = randomWords(300_000, 7, 100_000);
const longEdited = long.map((word, index) => (index % 303 === 0 && index / 303 < 990 ? `${word}z` : word));
const e1 = file('E1.yaml', HEAD('E1') + requirementYaml('A/1', long.join(' ')));
const e2 = file('E2.yaml', HEAD('E2') + requirementYaml('A/1', longEdited.join(' ')));
// 1,000 × 1,000 requirements, different ids, random words each: 450 words (past the text cap, as in
// the attack) and 300 words (within it: the similarity stage is what bounds the work).
function renumbered(name, prefix, words, seed) {
  const requirements = Array.from({ length: 1000 }, (_, index) => requirementYaml(`${prefix}/${index}`, randomWords(words, seed + index, 1_000_000).join(' ')));
  return file(name, HEAD(name) + requirements.join(''));
}
const s1 = renumbered('S1.yaml', 'A', 450, 1);
const s2 = renumbered('S2.yaml', 'B', 450, 5001);
const s1Small = renumbered('S1-300.yaml', 'A', 300, 1);
const s2Small = renumbered('S2-300.yaml', 'B', 300, 5001);

// Item 18: 1,300 requirements × 100 proofs (130,000 proof folders asked), written with flow maps as
// in the attack; a catalog within every cap whose manifest would pass 2 MiB (70 requirements quoting a
// 32,000-character chapter); a realistic large one that fits (2,000 requirements × 10 proofs).
function proofsCatalog(name, requirements, proofs) {
  const lines = [HEAD(name)];
  for (let r = 0; r < requirements; r++) {
    lines.push(`- id: R${r}\n  chapter: c\n  function: f\n  statement: s\n  nature: EXIGENCE\n  conditional: false\n  profiles: [G]\n  scenarios:\n  - id: S${r}\n    text: ""\n    proofs:\n`);
    for (let p = 0; p < proofs; p++) lines.push(`    - {id: P${r}.${p}, text: ""}\n`);
  }
  return file(name, lines.join(''));
}
const big = proofsCatalog('BIG.yaml', 1300, 100);
const tenProofs = proofsCatalog('TEN.yaml', 2000, 10);
const wideChapters = file('CHAPTERS.yaml', HEAD('CHAPTERS') + Array.from({ length: 70 }, (_, index) => requirementYaml(`R${index}`, 's', '[]').replace('chapter: c', `chapter: ${'c'.repeat(32_000)}`)).join(''));

let initCount = 0;
const initArgs = (catalog) => () => ['init', `${tmp}init-${initCount++}`, '--rem', catalog, '--profile', 'G'];
const INPUTS = [
  ['import : 15 000 lignes × un texte partagé de 32 000 caractères (classeur de 265 Ko)', () => ['catalog', 'import', amp15, '--out', `${tmp}amp15.yaml`]],
  ['import : 40 000 lignes × un texte partagé de 32 000 caractères', () => ['catalog', 'import', amp40, '--out', `${tmp}amp40.yaml`]],
  ['init sur le classeur de 15 000 lignes', initArgs(amp15)],
  ['diff : une exigence de 300 000 mots, 990 changés (catalogues de 2 Mo)', () => ['catalog', 'diff', e1, e2, '--format', `json:${tmp}diff-e.json`]],
  ['diff : 1 000 × 1 000 exigences renumérotées de 450 mots (3,4 M caractères par catalogue)', () => ['catalog', 'diff', s1, s2, '--format', `json:${tmp}diff-s.json`]],
  ['diff : 1 000 × 1 000 exigences renumérotées de 300 mots (dans les limites du catalogue)', () => ['catalog', 'diff', s1Small, s2Small, '--format', `json:${tmp}diff-s300.json`]],
  ['init : 1 300 exigences × 100 preuves (catalogue YAML de 4,1 Mo, 130 000 dossiers demandés)', initArgs(big)],
  ['init : manifeste qui dépasserait 2 Mio (70 chapitres de 32 000 caractères)', initArgs(wideChapters)],
  ['init : 2 000 exigences × 10 preuves (20 000 dossiers, manifeste de moins de 2 Mio)', initArgs(tenProofs)],
];

/** Runs a CLI under /usr/bin/time: wall measured here, CPU and peak RSS (KB) from time's output. */
function measure(bin, args) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M CPU=%U+%S', process.execPath, bin, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 300_000,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = Number(/RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  const stderr = run.stderr.replace(/(?:Command exited with non-zero status \d+\n)?RSS_KB=.*\n?$/s, '');
  return { wall, rss, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, status: run.status ?? run.signal, stderr };
}

const ms = (seconds) => `${Math.round(seconds * 1000)} ms`;
const rows = [];
let held = 0;
for (const [label, args] of INPUTS) {
  let old = '—';
  if (before) {
    const run = measure(before, args());
    old = `${run.status}, ${ms(run.wall)}, ${Math.round(run.rss)} MB${/Erreur interne/.test(run.stderr) ? ', « Erreur interne »' : ''}`;
  }
  const runs = Array.from({ length: RUNS }, () => measure(segur, args()));
  const { last, wall, cpu, rss, verdict, held: within } = budgetVerdict(runs);
  if (within) held++;
  const said = last.status === 0 ? 'écrit' : last.stderr.replace(/^segur : /, '').replace(/\s+/g, ' ').replaceAll(tmp, '').slice(0, 100);
  rows.push(`| ${label} | ${old} | ${last.status} | ${ms(wall)} | ${ms(cpu)} | ${Math.round(rss)} MB | ${said.replaceAll('|', '\\|')} | ${verdict} |`);
  console.error(rows.at(-1));
}

const section = `## catalog budgets

Mesuré par \`npm run bench:catalog-budgets\` (bench/catalog-budgets.mjs) le ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), charge moyenne au départ ${loadAtStart}
(machine partagée : le temps CPU, moins sensible à la charge, est donné à côté du temps réel).
Entrées du rapport d’attaque (points 7, 16, 18), générées par le script. ${RUNS} exécutions par entrée : médianes
du temps réel et du CPU, RSS = pic maximal. « avant » : une exécution${before ? ' avec la construction antérieure aux limites (sortie, temps réel, RSS)' : ' (non mesurée : SEGUR_BEFORE absent)'}.
Cibles (issue 9) : sortie 0 ou 2 sans trace de pile, ≤ 2 s, ≤ 300 MB. Résultat : ${held} / ${INPUTS.length} tenues.

| entrée | avant | sortie | temps réel | CPU | RSS max | message (début) | verdict |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Limites en jeu : catalogue (src/catalog/limits.ts : 5 000 exigences, 10 000 scénarios, 20 000 preuves,
3 000 000 de caractères), diff (src/catalog/diff/word-diff.ts : 65 536 caractères par paire de textes,
8 000 000 de pas pour tout le diff ; src/catalog/diff/match.ts : 30 000 000 de mots comparés), manifeste écrit
par \`init\` (2 Mio, 200 000 entrées, comme \`check\`). Le travail propre à chaque commande est borné ; ce qui
reste au-dessus de la cible est la bibliothèque yaml (≈ 0,65 s de CPU et ≈ 70 MB par Mo de YAML, voir « hostile
catalog inputs ») : lecture des catalogues (le catalogue de 130 000 preuves, 4 Mo de mappings en ligne, n'est
refusé qu'une fois lu ; deux catalogues de 2,2 Mo pour le diff) et, pour \`init\`, construction du manifeste.
Suite proposée : un lecteur dédié au sous-ensemble YAML qu'écrit \`segur catalog import\` (et JSON.parse pour
les catalogues .json), avec un plafond plus bas pour le YAML hors de ce sous-ensemble, et un émetteur dédié
pour le manifeste d'\`init\`.
`;

recordSection('catalog budgets', section);
console.log(section);
rmSync(tmp, { recursive: true, force: true });
