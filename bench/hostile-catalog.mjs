// Hostile catalog inputs (issue 9, points 1, 2 and 6): REM workbooks whose work would grow with what
// they claim, inputs that are not regular files, catalog files built to exhaust the YAML library.
// Each is run through the built CLI (median of RUNS, peak RSS by /usr/bin/time), and checked against
// the targets: ≤ 2 s, ≤ 300 MB, exit 0 or 2, no stack trace. Writes the "hostile catalog inputs"
// section of bench/RESULTS.md. Run after `npm run build`: `npm run bench:hostile-catalog` (tsx: the
// inputs are made with the fixture zip writer, scripts/fixtures/rem-zip.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readZipEntries, writeZip } from '../scripts/fixtures/rem-zip.ts';
import { columnLetters } from '../src/catalog/xlsx/cell-ref.ts';
import { recordSection } from './record-section.mjs';
import { budgetVerdict, prepareBench } from './budget-verdict.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = `${root}bench/tmp/hostile-catalog/`;
const segur = `${root}bin/segur.js`;
const fixture = (name) => `${root}fixtures/rem/${name}`;
const FIELD_MERGE = `${root}../shared/field-cases/hostile/merge-filldown.xlsx`;
const RUNS = 3;
const SHEET = 'xl/worksheets/sheet1.xml';

const loadAtStart = prepareBench(root, tmp);
const sample = await readZipEntries(readFileSync(fixture('REM-SAMPLE-LGC.xlsx')));

/** The sample workbook with `part` edited; written to tmp/`name`. */
function workbook(name, part, edit) {
  const entries = sample.map((entry) => (entry.name === part ? { name: entry.name, data: Buffer.from(edit(entry.data.toString('utf8'))) } : entry));
  writeFileSync(tmp + name, writeZip(entries));
  return tmp + name;
}
const beforeSheetEnd = (extra) => (text) => text.replace('</sheetData>', `${extra}</sheetData>`);
const afterSheetData = (extra) => (text) => text.replace('</sheetData>', `</sheetData>${extra}`);
const mergeCells = (count, ref) => `<mergeCells count="${count}">${Array.from({ length: count }, (_, i) => `<mergeCell ref="${typeof ref === 'function' ? ref(i) : ref}"/>`).join('')}</mergeCells>`;

function catalogFile(name, text) {
  writeFileSync(tmp + name, text);
  return tmp + name;
}
const sampleCatalog = readFileSync(`${root}rem-catalogs/REM-SAMPLE-LGC.yaml`, 'utf8');
/** The sample catalog with its requirement list repeated (ids made unique) up to ≈`bytes`. */
function bigCatalog(bytes) {
  const [head, list] = sampleCatalog.split('requirements:\n');
  const parts = [head, 'requirements:\n'];
  let size = head.length;
  for (let copy = 0; size < bytes; copy++) {
    const block = list.replace(/^ {2}- id: (\S+)$/gm, `  - id: $1.${copy}`);
    if (size + block.length > bytes) break;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

const fifo = `${tmp}rem-fifo.xlsx`;
execFileSync('mkfifo', [fifo]);
symlinkSync('/dev/zero', `${tmp}zero.xlsx`);
const yamlFifo = `${tmp}catalog-fifo.yaml`;
execFileSync('mkfifo', [yamlFifo]);

const importArgs = (file) => ['catalog', 'import', file, '--out', `${tmp}out.yaml`];
const showArgs = (file) => ['catalog', 'show', file, '--format', 'json'];

const INPUTS = [
  ['merge-filldown (fixtures/rem/hostile-merge-filldown.xlsx : plage fusionnée XFD30:XFD1048576, une cellule en A1048576)', importArgs(fixture('hostile-merge-filldown.xlsx'))],
  ...(existsSync(FIELD_MERGE) ? [['cas de terrain ../shared/field-cases/hostile/merge-filldown.xlsx (avant : 86 s, 4,2 Go, abandon de V8)', importArgs(FIELD_MERGE)]] : []),
  ['100 000 plages fusionnées superposées A2:A1048576 (recopie bornée par le budget de cellules)', importArgs(workbook('overlapping-merges.xlsx', SHEET, afterSheetData(mergeCells(100_000, 'A2:A1048576'))))],
  ['150 000 plages fusionnées (plafond des plages)', importArgs(workbook('many-merges.xlsx', SHEET, afterSheetData(mergeCells(150_000, (i) => `A${i + 2}:B${i + 2}`))))],
  ['600 000 cellules de 15 octets, 9 Mo de XML (plafond des cellules)', importArgs(workbook('cells.xlsx', SHEET, beforeSheetEnd(`<row>${'<c><v>1</v></c>'.repeat(16)}</row>`.repeat(37_500))))],
  ['95 Mo de XML inutile dans la feuille (classeur de 100 Ko ; budget XML, refus avant décompression)', importArgs(workbook('junk-95mb.xlsx', SHEET, beforeSheetEnd('<x/>'.repeat(95 * 256 * 1024))))],
  ['15 Mo de XML inutile (juste sous le budget de 16 Mo : le pire cas accepté)', importArgs(workbook('junk-15mb.xlsx', SHEET, beforeSheetEnd('<x/>'.repeat(15 * 256 * 1024))))],
  ['1 100 000 textes partagés vides (plafond des textes partagés)', importArgs(workbook('shared-strings.xlsx', 'xl/sharedStrings.xml', (text) => text.replace('</sst>', `${'<si><t/></si>'.repeat(1_100_000)}</sst>`)))],
  ['cellule de 40 000 caractères (limite d’Excel : 32 767)', importArgs(workbook('long-cell.xlsx', SHEET, beforeSheetEnd(`<row r="40"><c r="B40" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`)))],
  [
    'texte partagé de 32 767 caractères répété sur 10 000 cellules d’en-tête',
    importArgs(
      (() => {
        const entries = sample.map((entry) => {
          const text = entry.data.toString('utf8');
          if (entry.name === 'xl/sharedStrings.xml') return { name: entry.name, data: Buffer.from(text.replace('</sst>', `<si><t>${'É '.repeat(16_383)}</t></si></sst>`)) };
          if (entry.name !== SHEET) return entry;
          const cells = Array.from({ length: 10_000 }, (_, column) => `<c r="${columnLetters(column + 20)}1" t="s"><v>83</v></c>`).join('');
          return { name: entry.name, data: Buffer.from(text.replace('</row>', `${cells}</row>`)) };
        });
        writeFileSync(`${tmp}long-header.xlsx`, writeZip(entries));
        return `${tmp}long-header.xlsx`;
      })(),
    ),
  ],
  ['bombe zip (fixtures/rem/hostile-zip-bomb.xlsx, 150 Mo déclarés)', importArgs(fixture('hostile-zip-bomb.xlsx'))],
  ['DOCTYPE avec entité externe (fixtures/rem/hostile-doctype.xlsx)', importArgs(fixture('hostile-doctype.xlsx'))],
  ['classeur qui est un tube nommé (FIFO)', importArgs(fifo)],
  ['classeur lié à /dev/zero', importArgs(`${tmp}zero.xlsx`)],
  ['catalogue YAML qui est un tube nommé (FIFO)', showArgs(yamlFifo)],
  ['catalogue YAML à 20 000 « [ » imbriqués', showArgs(catalogFile('deep-flow.yaml', `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`))],
  ['catalogue YAML à 2 000 niveaux de listes en bloc', showArgs(catalogFile('deep-block.yaml', `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`))],
  ['catalogue YAML de 3,9 Mo (juste sous le plafond de 4 Mo, ≈ 6 500 exigences)', showArgs(catalogFile('big.yaml', bigCatalog(3.9 * 1024 * 1024)))],
  ['catalogue YAML de 3,9 Mo avec une ancre (hors YAML simple au-delà de 1 000 000 de caractères : refusé, ligne nommée)', showArgs(catalogFile('big-anchor.yaml', `extra: &a 1\n${bigCatalog(3.9 * 1024 * 1024 - 12)}`))],
  ['catalogue YAML de 3,9 Mo avec une erreur de syntaxe à la dernière ligne', showArgs(catalogFile('big-syntax.yaml', `${bigCatalog(3.9 * 1024 * 1024 - 12)}bad: [1, 2\n`))],
  ['catalogue YAML : liste en flux de 2 000 000 éléments, 4 Mo (plafond des clés et éléments de liste ; avant : 12,6 s, 2,3 Go, « Erreur interne »)', showArgs(catalogFile('flow-list.yaml', `schema: segur-catalog/1\nrequirements: [${'a,'.repeat(2_000_000 - 20)}a]\n`))],
  ['catalogue YAML : mappage en flux de 200 000 clés (avant : plus de 20 s)', showArgs(catalogFile('flow-map.yaml', `schema: segur-catalog/1\nx: {${Array.from({ length: 200_000 }, (_, i) => `k${i}: 1`).join(', ')}}\n`))],
  // Hostile review 9b: out of plain YAML (one anchor), under 1,000,000 characters, the yaml library's
  // duplicate-key check is quadratic in a mapping's keys (measured: 20,000 keys 2.75 s, 90,000 keys 82 s).
  ['catalogue YAML hors YAML simple (une ancre) : mappage de 90 000 clés, 0,9 Mo (contrôle des clés en double du yaml quadratique : 82 s)', showArgs(catalogFile('block-map-anchor.yaml', `schema: segur-catalog/1\n${Array.from({ length: 90_000 }, (_, i) => `k${i}: 1\n`).join('')}z: &a 1\n`))],
  ['catalogue YAML de 9 Mo (au-delà du plafond : refusé sans être lu)', showArgs(catalogFile('too-big.yaml', bigCatalog(9 * 1024 * 1024)))],
];

/** Runs the CLI under /usr/bin/time: wall measured here, CPU and peak RSS (KB) from time's output. */
function measure(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M CPU=%U+%S', process.execPath, segur, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'ignore', 'pipe'], // `catalog show --format json` of a big catalog prints megabytes
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = Number(/RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  const stderr = run.stderr.replace(/(?:Command exited with non-zero status \d+\n)?RSS_KB=.*\n?$/s, '');
  return { wall, rss, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, status: run.status, stderr };
}

const rows = [];
let held = 0;
for (const [label, args] of INPUTS) {
  const runs = Array.from({ length: RUNS }, () => measure(args));
  const { last, wall, cpu, rss, verdict, held: within } = budgetVerdict(runs);
  if (within) held++;
  const said = last.status === 0 ? 'lu / écrit' : last.stderr.replace(/^segur : /, '').replace(/\s+/g, ' ').replace(tmp, '').slice(0, 110);
  rows.push(`| ${label} | ${last.status} | ${Math.round(wall * 1000)} ms | ${Math.round(cpu * 1000)} ms | ${Math.round(rss)} MB | ${said.replaceAll('|', '\\|')} | ${verdict} |`);
  console.error(rows.at(-1));
}

const section = `## hostile catalog inputs

Mesuré par \`npm run bench:hostile-catalog\` (bench/hostile-catalog.mjs) le ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), charge moyenne au départ ${loadAtStart}
(la machine est partagée : le temps CPU, moins sensible à la charge, est donné à côté du temps réel).
Chaque entrée passe par la CLI construite, ${RUNS} exécutions : médianes du temps réel et du CPU, RSS = pic maximal.
Cibles (issue 9) : sortie 0 ou 2 sans trace de pile, ≤ 2 s, ≤ 300 MB. « tenu (CPU) » : le temps CPU tient la
cible mais pas le temps réel, allongé par les autres processus de la machine.
Résultat : ${held} / ${INPUTS.length} tenues.

| entrée | sortie | temps réel | CPU | RSS max | message (début) | verdict |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Lecture des catalogues YAML : le YAML simple (ce qu'écrit \`segur catalog import\`) passe par l'analyseur
à événements de js-yaml (src/io/yaml-plain.ts, ≈ 4 à 5 fois plus rapide) ; le reste par la bibliothèque yaml,
jusqu'à 1 000 000 de caractères (≈ 0,5 s) — au-delà, la première construction hors YAML simple est refusée, sa
ligne nommée. Les clés et éléments de liste sont comptés pendant la lecture (plafond de 150 000).
`;

recordSection('hostile catalog inputs', section);
console.log(section);
rmSync(tmp, { recursive: true, force: true });
