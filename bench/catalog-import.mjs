// Benchmark of `segur catalog import` (issue 2, point 8). Generates a 2,000-row × 34-column REM
// (≈300 KB, like a real one) into bench/tmp/, runs the built CLI 5 times (median wall time, peak
// RSS via /usr/bin/time), compares `segur --version` with a bare `node -e 0`, measures exceljs's
// readers on the same file for reference, and the zip-bomb refusal. Writes the "catalog import"
// section of bench/RESULTS.md. Run after `npm run build`: `npm run bench:catalog-import`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { recordSection } from './record-section.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = `${root}bench/tmp/`;
const workbook = `${tmp}REM-BENCH-2000.xlsx`;
const segur = `${root}bin/segur.js`;
const RUNS = 5;
const VERSION_RUNS = 11;

const HEADERS = [
  'Périmètre', 'ID', 'Chapitre', 'Fonction', 'Exigence', 'Commentaire', "Nature de l'exigence", 'Profil', 'N° scénario', 'Scénario de conformité',
  ...Array.from({ length: 10 }, (_, i) => [`N° preuve ${i + 1}`, `Preuve ${i + 1}`]).flat(),
  'Statut publication', 'VA N-1', 'Criticité', 'Ordre',
];
const CHAPTERS = ["Gestion de l'INS", 'Alimentation du DMP', 'Gestion de la MSSanté', 'Gestion et partage des documents', 'Identification électronique & ProSanté Connect', 'Sécurité des SI'];
const PROOF_KINDS = ["Capture d'écran", 'Vidéo de démonstration', 'Document CDA', 'Rapport de validation EVS', 'Extrait du journal', 'Archive IHE_XDM.ZIP'];

async function generateWorkbook() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Exigences');
  sheet.addRow(HEADERS);
  // 500 requirements × 4 scenarios = 2,000 rows; requirement cells repeat on each row, as exported.
  for (let r = 0; r < 500; r++) {
    const chapter = CHAPTERS[r % CHAPTERS.length];
    const id = `BENCH/va1.${String(r + 1).padStart(3, '0')}`;
    const statement = `Le logiciel DOIT assurer la fonction n° ${r + 1} du chapitre « ${chapter} » conformément au référentiel, en conservant la trace de chaque opération réalisée par l'utilisateur (référence interne ${(r * 7331) % 65521}). Lorsque la fonction échoue, le logiciel DOIT en informer l'utilisateur et proposer une reprise ; la preuve montre le cas nominal et le cas d'erreur ${(r * 104729) % 9973}.`;
    for (let s = 0; s < 4; s++) {
      const scenario = `${id}.0${s + 1}`;
      const proofCount = 1 + ((r + s) % 3);
      const proofs = Array.from({ length: 10 }, (_, p) =>
        p < proofCount ? [`${scenario}.0${p + 1}`, `${PROOF_KINDS[(r + p) % PROOF_KINDS.length]} montrant l'étape ${p + 1} du scénario ${scenario} (dossier ${(r * 37 + p * 11) % 997}, patient ${(r * 7907 + s * 613 + p * 97) % 99991}), horodatée le ${1 + ((r + p) % 28)}/${1 + (s % 12)} et lisible ; lot ${(r * 2654435761 + s * 40503 + p * 9973) % 1000003}, poste ${(r * 48271 + p) % 2147}`] : [null, null],
      ).flat();
      sheet.addRow([
        'Vague 1', id, chapter, `Fonction ${r + 1}`, statement, r % 7 === 0 ? 'Commentaire de relecture' : null, r % 9 === 0 ? 'PRECONISATION' : 'EXIGENCE', 'Général',
        scenario, `<p>L'utilisateur réalise le scénario ${scenario} sur le patient de test n° ${(r * 4 + s) * 7919 % 100003}&nbsp;:</p><ul><li>il ouvre le dossier ${(r * 13 + s) % 1009} et vérifie l'identité</li><li>il lance l'action ${s + 1} et contrôle le résultat affiché (écran ${(r * 31 + s * 17) % 211})</li><li>il consulte la trace ${(r * 53 + s) % 4093} dans le journal (session ${(r * 69069 + s * 1013904223) % 4294967}, durée ${(r * 7 + s * 3) % 97} s)</li></ul>`,
        ...proofs, r % 5 === 0 ? 'Modifiée' : 'Inchangée', null, r % 4 === 0 ? 'Majeure' : 'Mineure', r + 1,
      ]);
    }
  }
  mkdirSync(tmp, { recursive: true });
  await book.xlsx.writeFile(workbook);
}

/** Runs a command under /usr/bin/time; wall time measured here, peak RSS (KB) from time's output. */
function measure(command, args) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M CPU=%U+%S', command, ...args], { cwd: root, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = Number(/RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const cpuMatch = /CPU=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  const cpu = cpuMatch ? Number(cpuMatch[1]) + Number(cpuMatch[2]) : NaN;
  return { wall, rss, cpu, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function series(command, args, runs) {
  const results = Array.from({ length: runs }, () => measure(command, args));
  return { wall: median(results.map((r) => r.wall)), cpu: median(results.map((r) => r.cpu)), rss: Math.max(...results.map((r) => r.rss)), last: results.at(-1) };
}

if (!existsSync(`${root}dist/cli/main.js`)) {
  console.error('Build first: npm run build');
  process.exit(1);
}
const loadAtStart = loadavg().map((value) => value.toFixed(2)).join(' / ');
await generateWorkbook();
const size = statSync(workbook).size;

const importRun = series(process.execPath, [segur, 'catalog', 'import', workbook, '--out', `${tmp}REM-BENCH-2000.yaml`], RUNS);
if (importRun.last.status !== 0) throw new Error(`import failed: ${importRun.last.stderr}`);
const counts = /: (.*)\.\n$/.exec(importRun.last.stdout)?.[1] ?? importRun.last.stdout.trim();

const exceljsFull = series(process.execPath, ['--input-type=module', '-e', `import E from 'exceljs'; await new E.Workbook().xlsx.readFile(${JSON.stringify(workbook)});`], RUNS);
const exceljsStream = series(
  process.execPath,
  ['--input-type=module', '-e', `import E from 'exceljs'; const r = new E.stream.xlsx.WorkbookReader(${JSON.stringify(workbook)}, {}); for await (const ws of r) for await (const row of ws) {}`],
  RUNS,
);
const small = series(process.execPath, [segur, 'catalog', 'import', `${root}fixtures/rem/REM-SAMPLE-LGC.xlsx`, '--out', `${tmp}sample.yaml`], RUNS);
const bomb = series(process.execPath, [segur, 'catalog', 'import', `${root}fixtures/rem/hostile-zip-bomb.xlsx`, '--out', `${tmp}bomb.yaml`], RUNS);
const version = series(process.execPath, [segur, '--version'], VERSION_RUNS);
const bare = series(process.execPath, ['-e', '0'], VERSION_RUNS);

const ms = (seconds) => `${Math.round(seconds * 1000)} ms`;
const mb = (value) => `${Math.round(value)} MB`;
const verdict = (ok) => (ok ? '**tenu**' : '**manqué**');
const versionGap = version.wall - bare.wall;

const section = `## catalog import

Mesuré par \`npm run bench:catalog-import\` (bench/catalog-import.mjs) le ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), charge moyenne au départ ${loadAtStart}
(les autres sessions de la machine comptent : le temps CPU, moins sensible à la charge, est donné à côté).
Classeur généré : ${HEADERS.length} colonnes × 2 000 lignes (500 exigences × 4 scénarios, 1 à 3 preuves
par scénario, HTML dans les scénarios), ${Math.round(size / 1024)} Ko ; résultat : ${counts}.
Médiane de ${RUNS} exécutions (temps réel mesuré autour du processus) ; RSS = maximum des pics (/usr/bin/time %M).

| mesure | temps réel (médiane) | CPU user+sys (médiane) | RSS max | cible | verdict |
|---|---|---|---|---|---|
| \`segur catalog import\` (lecteur xlsx dédié : yauzl + saxes) | ${ms(importRun.wall)} | ${ms(importRun.cpu)} | ${mb(importRun.rss)} | ≤ 1 000 ms, ≤ 200 MB | ${verdict(importRun.wall <= 1.0 && importRun.rss <= 200)} |
| \`segur --version\` | ${ms(version.wall)} | ${ms(version.cpu)} | ${mb(version.rss)} | ≤ node nu + 100 ms (écart : ${ms(versionGap)}) | ${verdict(versionGap <= 0.1)} |
| \`node -e 0\` (référence, ${VERSION_RUNS} exécutions) | ${ms(bare.wall)} | ${ms(bare.cpu)} | ${mb(bare.rss)} | — | — |
| import du petit REM échantillon (7 exigences, référence mémoire) | ${ms(small.wall)} | ${ms(small.cpu)} | ${mb(small.rss)} | — | — |
| refus de la bombe zip (fixtures/rem/hostile-zip-bomb.xlsx, 150 Mo déclarés) | ${ms(bomb.wall)} | ${ms(bomb.cpu)} | ${mb(bomb.rss)} | < 1 s, mémoire plate (≤ échantillon + 10 MB) | ${verdict(bomb.wall < 1 && bomb.rss <= small.rss + 10)} |
| pour comparaison : exceljs \`xlsx.readFile\` seul (lecture, sans import) | ${ms(exceljsFull.wall)} | ${ms(exceljsFull.cpu)} | ${mb(exceljsFull.rss)} | — | — |
| pour comparaison : exceljs \`stream.xlsx.WorkbookReader\` seul | ${ms(exceljsStream.wall)} | ${ms(exceljsStream.cpu)} | ${mb(exceljsStream.rss)} | — | — |

Où va le temps (profil \`node --cpu-prof\` d'un import de ce classeur, 2026-11-23, relevé à la main) :
démarrage de Node ≈ 60 ms ; chargement des modules ≈ 240 ms (zod ≈ 60–90, saxes ≈ 40, yauzl ≈ 25,
commander ≈ 20, modules du catalogue ≈ 60) ; analyse XML par saxes ≈ 150–200 ms (sharedStrings 1,9 Mo +
feuille 1,2 Mo ; un analyseur écrit à la main, essayé, n'a pas fait mieux à froid : saxes est resté) ; assemblage ≈ 50 ms ; écriture YAML ≈ 50 ms ; validation zod ≈ 40 ms ; ramasse-miettes
≈ 120 ms. L'écriture YAML passe par un émetteur dédié (src/catalog/catalog-yaml.ts) : la bibliothèque
yaml coûtait ≈ 150 ms de plus sur ce classeur.

Choix : le lecteur dédié (src/catalog/xlsx/) lit seulement workbook.xml, ses relations,
sharedStrings.xml, styles.xml et les feuilles, en flux, après contrôle du répertoire central du zip ;
exceljs ne sert qu'à écrire les fixtures (scripts/fixtures/rem.ts) et n'est jamais chargé par
\`segur catalog\`. Le refus de la bombe se fait sur les tailles déclarées, avant toute décompression.
`;

recordSection('catalog import', section);
console.log(section);
