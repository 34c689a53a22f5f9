// `npm run bench:cisis` (after `npm run build`): CI-SIS content validation — header rules plus
// each document's volet pack — on ANS's 94 examples, with `segur validate --cisis`; one document in
// a whole process; compiling the 59 volets. The official chain's times (Saxon-HE, one JVM) are
// recorded beside them from docs/tooling-notes.md (see the section's text for why they were not
// re-measured here). Prints its Markdown section and records it in bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { recordSection } from './record-section.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/segur.js');
const corpus = join(root, '../shared/corpus');
const tree = join(corpus, 'cisis');
const examples = join(corpus, 'cda/ans-examples');
const cache = join(root, 'bench/tmp/cisis-cache');
const TARGETS = { examplesSeconds: 9, oneDocumentSeconds: 0.5 };
const OFFICIAL = { examplesSeconds: 28, voletsOnlySeconds: 8.5, oneDocumentVoletSeconds: 0.9, oneDocumentStructminSeconds: 10.5, compileSeconds: 28 };

/**
 * Issue 14, point 4 (« Fast »): CPU (user + sys, /usr/bin/time) before and after, measured on the
 * same loaded machine with the two builds alternated run by run (not re-measured by this script).
 */
const BEFORE_AFTER = [
  'Avant / après le travail de vitesse de l’issue 14 (point 4), mesuré le 2026-11-30, charge moyenne 2 à 6 pour 2 cœurs, ' +
    'les deux constructions alternées exécution par exécution ; CPU = user + sys (médianes) :',
  '',
  '| mesure | avant (674417c) | après | écart |',
  '|---|---|---|---|',
  '| 94 exemples, `validate --format json --cisis` (médiane de 6) | 10.32 s | 9.55 s | −7 % |',
  '| un document, OBP-SAP_2024.01 (médiane de 7) | 0.98 s | 0.85 s | −13 % |',
  '| un document, BIO-CR-BIO_2024.01_Electrophorese (médiane de 7) | 0.87 s | 0.82 s | −6 % |',
  '| un document de niveau 1 sans volet, DOC_NON_STRUCTURE_CDA-R2-N1 (médiane de 7) | 0.46 s | 0.35 s | −24 % |',
  '',
  'Ce qui a changé : fontoxpath, saxes et yauzl requis comme les modules CommonJS qu’ils sont (plus de détection de syntaxe ni ' +
    'd’analyse cjs-module-lexer à chaque processus et chaque worker) ; fontoxpath chargé à la première expression XPath seulement, ' +
    'le compilateur seulement pour compiler ; `//nom[p]` évalué comme `/descendant::nom[p]` quand aucun prédicat ne dépend de la ' +
    'position. Où va encore le CPU (--cpu-prof, les 94 dans un seul processus) : compilation des expressions par fontoxpath à leur ' +
    'première évaluation (≈ 60 %, dont l’analyse syntaxique prsc ≈ 20 %), ramasse-miettes ≈ 18 %, arbre slimdom ≈ 15 %, lecture de ' +
    'l’en-tête ≈ 6 % ; avec deux workers, chacun compile et « chauffe » ce qu’il rencontre (≈ 2,9 s de CPU de plus qu’un seul worker).',
];

/** Runs the CLI under /usr/bin/time with the bench's own cache folder; wall seconds, peak RSS (MB). */
function timed(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cache },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [rssKb, user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + system, rssMb: rssKb / 1024, status: run.status, stdout: run.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (ok) => (ok ? '**tenu**' : '**manqué**');

if (!existsSync(tree) || !existsSync(examples)) {
  console.error(`corpus absent (${corpus}) : rien à mesurer`);
  process.exit(0);
}

rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
const load = loadavg()[0];
const compile = timed(['cisis', 'import', tree]);
const compileAgain = median(Array.from({ length: 3 }, () => timed(['cisis', 'import', tree]).seconds));

const files = readdirSync(examples).filter((name) => name.endsWith('.xml')).sort().map((name) => join(examples, name));
const runs = Array.from({ length: 3 }, () => timed(['validate', '--format', 'json', '--cisis', tree, ...files]));
const wall = median(runs.map((run) => run.seconds));
const cpu = median(runs.map((run) => run.cpu));
const rss = Math.max(...runs.map((run) => run.rssMb));
const report = JSON.parse(runs[0].stdout);
const errorFiles = report.files.filter((file) => file.findings.some((finding) => finding.severity === 'error')).length;
const voletErrors = report.files.flatMap((file) => file.findings).filter((finding) => finding.rule.startsWith('cisis/') && finding.severity === 'error').length;
const ran = report.files.filter((file) => file.findings.some((finding) => /^cisis\/volet/.test(finding.rule))).length;
const headerOnly = median(Array.from({ length: 3 }, () => timed(['validate', '--format', 'json', ...files]).seconds));

const single = (name) => median(Array.from({ length: 5 }, () => timed(['validate', '--cisis', tree, join(examples, name)]).seconds));
const singleCpu = median(Array.from({ length: 5 }, () => timed(['validate', '--cisis', tree, join(examples, 'BIO-CR-BIO_2024.01_Electrophorese.xml')]).cpu));
const cpuOf = (name) => median(Array.from({ length: 5 }, () => timed(['validate', '--cisis', tree, join(examples, name)]).cpu));
const obpCpu = cpuOf('OBP-SAP_2024.01.xml');
const levelOneCpu = cpuOf('DOC_NON_STRUCTURE_CDA-R2-N1.xml');
const typical = single('BIO-CR-BIO_2024.01_Electrophorese.xml');
const largest = single('OPH-BRE_2022.02.xml');
const version = median(Array.from({ length: 5 }, () => timed(['--version']).seconds));

const lines = [
  '## cisis',
  '',
  `Mesuré par \`npm run bench:cisis\` (bench/cisis.mjs) le ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
    `${availableParallelism()} cœurs, charge moyenne ${load.toFixed(1)} au départ (machine partagée : les temps varient avec elle). ` +
    'CLI construite, démarrage du processus compris, règles compilées déjà en cache (sauf la ligne « compilation ») ; ' +
    'RSS = pic (/usr/bin/time %M) ; CPU = user + sys de tous les fils (deux workers au-delà de 32 documents : le temps réel ' +
    'd’une machine libre approche CPU / 2 plus le démarrage).',
  '',
  '| mesure | segur | chaîne officielle (Saxon-HE 9.9, une JVM) | cible | verdict |',
  '|---|---|---|---|---|',
  `| ${files.length} exemples, en-tête + volet (\`validate --cisis\`, médiane de 3) | ${wall.toFixed(2)} s, ${(files.length / wall).toFixed(1)} docs/s, CPU ${cpu.toFixed(1)} s, ${rss.toFixed(0)} MB | ≈ ${OFFICIAL.examplesSeconds} s (structuration minimale + volet) ; volets seuls ≈ ${OFFICIAL.voletsOnlySeconds} s | ≤ ${TARGETS.examplesSeconds} s | ${verdict(wall <= TARGETS.examplesSeconds)} |`,
  `| un document, processus entier (BIO-CR-BIO_2024.01_Electrophorese, médiane de 5) | ${typical.toFixed(2)} s (CPU ${singleCpu.toFixed(2)} s) | ≈ ${OFFICIAL.oneDocumentVoletSeconds} s (volet) + ≈ ${OFFICIAL.oneDocumentStructminSeconds} s (structuration minimale), une JVM par document | ≤ ${TARGETS.oneDocumentSeconds} s | ${verdict(typical <= TARGETS.oneDocumentSeconds)} |`,
  `| un document, CPU seul (médiane de 5) : OBP-SAP_2024.01 (à volet) ; DOC_NON_STRUCTURE_CDA-R2-N1 (niveau 1, aucun volet) | ${obpCpu.toFixed(2)} s ; ${levelOneCpu.toFixed(2)} s | — | — | — |`,
  `| le plus gros document à volet (OPH-BRE_2022.02, 428 Ko, 524 règles déclenchées) | ${largest.toFixed(2)} s | — | — | — |`,
  `| compilation des 59 volets (\`segur cisis import\`, cache vide) | ${compile.seconds.toFixed(2)} s, ${compile.rssMb.toFixed(0)} MB | ≈ ${OFFICIAL.compileSeconds} s (.sch → XSLT) | — | — |`,
  `| \`segur cisis import\` avec le cache (clé SHA-256 retrouvée par empreinte) | ${compileAgain.toFixed(2)} s | — | — | — |`,
  `| référence : les mêmes ${files.length} exemples sans --cisis (en-tête seul) | ${headerOnly.toFixed(2)} s | ≈ 24 s | — | — |`,
  `| référence : \`segur --version\` (fontoxpath et slimdom non chargés) | ${version.toFixed(2)} s | — | — | — |`,
  '',
  `Les verdicts « tenu / manqué » portent sur le temps réel à la charge notée (${load.toFixed(1)} pour 2 cœurs) : les cibles ` +
    '(≤ 9 s pour les 94, ≤ 0,5 s pour un document) sont à re-mesurer sur une machine libre ; sur une machine chargée, seul le CPU se compare.',
  '',
  ...BEFORE_AFTER,
  '',
  `Résultat sur les exemples : ${ran} documents avec volet exécuté, ${errorFiles} fichiers en erreur (les 10 clés INS fausses et eDISP-MED), ` +
    `${voletErrors} erreur de volet (attendu : 0).`,
  '',
  'Chaîne officielle : chiffres de docs/tooling-notes.md (Saxon-HE 9.9.1.5 de Debian `libsaxonhe-java`, feuilles précompilées, ' +
    'une JVM), non re-mesurés par ce script : Debian ne fournit pas le squelette ISO Schematron (iso_svrl_for_xslt2.xsl et ' +
    'ses compagnons) nécessaire pour compiler les .sch en XSLT, et rien d’autre que les dépôts npm et Debian n’est joignable ici.',
];
const section = lines.join('\n') + '\n';
process.stdout.write(section);
recordSection('cisis', section);
rmSync(cache, { recursive: true, force: true });
