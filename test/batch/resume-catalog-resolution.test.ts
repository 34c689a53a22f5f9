// `segur batch --resume` reuses a result only for the catalog its REM id resolves to NOW: a
// ./rem-catalogs/<id>.yaml appearing after the first run (it hides the packaged catalog of that id)
// re-checks every bundle naming the id, as `segur check` and a fresh batch would.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from '../e2e/helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

const EXTRA_REQUIREMENT = `  - id: NEW/va1.99
    scope: Vague 1
    chapter: Nouveau
    function: Nouvelle exigence
    statement: Le logiciel DOIT faire une chose nouvelle.
    nature: EXIGENCE
    conditional: false
    profiles:
      - Général
    scenarios:
      - id: NEW/va1.99.01
        text: Scénario nouveau.
        proofs:
          - id: NEW/va1.99.01.01
            text: Preuve nouvelle
`;

describe('segur batch --resume and catalog resolution', () => {
  it('re-checks the bundles whose REM id now resolves to a ./rem-catalogs/ file (exit 1, nothing reused)', () => {
    const root = tempDir('segur-resume-rem-');
    dirs.push(root);
    const input = join(root, 'lot');
    mkdirSync(input);
    for (const name of ['a', 'b']) cpSync(join(projectRoot, 'fixtures/bundles/sample-ok'), join(input, name), { recursive: true });
    const batch = (...extra: string[]) => runCli(['batch', 'lot', '--out', 'out', ...extra], { cwd: root });

    // No ./rem-catalogs/ in the run's folder: the packaged REM-SAMPLE-LGC is the one.
    const first = batch();
    expect(first.status).toBe(0);
    expect(batch('--resume').stdout).toContain('2 dossier(s) inchangé(s) repris du contrôle précédent (--resume).');

    const packaged = readFileSync(join(projectRoot, 'rem-catalogs/REM-SAMPLE-LGC.yaml'), 'utf8');
    mkdirSync(join(root, 'rem-catalogs'));
    writeFileSync(join(root, 'rem-catalogs/REM-SAMPLE-LGC.yaml'), packaged.replace('requirements:\n', `requirements:\n${EXTRA_REQUIREMENT}`));
    expect(runCli(['check', 'lot/a'], { cwd: root }).status).toBe(1);

    const resumed = batch('--resume');
    expect(resumed.stdout).not.toContain('repris du contrôle précédent');
    expect(resumed.stdout).toMatch(/^ {2}a +échoué /m);
    expect(resumed.stdout).toMatch(/^ {2}b +échoué /m);
    expect(resumed.status).toBe(1);

    // And back: the local catalog removed, the id resolves to the packaged file again.
    removeDir(join(root, 'rem-catalogs'));
    const back = batch('--resume');
    expect(back.stdout).toMatch(/^ {2}a +réussi /m);
    expect(back.status).toBe(0);
  });
});
