import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/formats/markdown.js';
import { fixtureContext, fixtureReport } from './fixture-context.js';

describe('markdown report', () => {
  it('renders the summary table, the gate and each failing requirement in <details> (exact content)', () => {
    expect(render(fixtureContext()).split('\n')).toEqual([
      '## Rapport de conformité Ségur — ❌ Contrôle échoué',
      '',
      '- **Logiciel** : MonLGC 5.2.0',
      '- **Éditeur** : Éditeur Exemple',
      '- **Profil(s)** : Général',
      '- **Catalogue** : REM-TEST — REM de test (échantillon, pas un texte ANS)',
      '- **Outil** : segur 0.1.0',
      '',
      '| Verdict | Exigences |',
      '|---|---:|',
      '| Conforme | 1 |',
      '| Non conforme | 1 |',
      '| Incomplet | 1 |',
      '| Non applicable | 1 |',
      '| **Total** | **4** |',
      '',
      'Constats : 2 erreurs, 2 avertissements.',
      '',
      '### Exigences à traiter (2)',
      '',
      '<details>',
      '<summary><strong>INS/va1.02 — Non conforme — Qualification de l’identité</strong> (Exigence)</summary>',
      '',
      '> Le LGC DOIT qualifier l’identité &lt;script&gt;alert(1)&lt;/script&gt; avant tout échange.',
      '',
      '- **erreur** `cda/realm-code` realmCode absent ou différent de « FR » — `proofs/INS_va1.02.01.01/cda.xml:3 (/ClinicalDocument/realmCode)`',
      '- **avertissement** `ins/oid` OID d’INS inattendu : 1.2.3 &amp; &lt;b&gt; — `proofs/INS_va1.02.01.01/cda.xml (/ClinicalDocument/recordTarget)`',
      '',
      '</details>',
      '',
      '<details>',
      '<summary><strong>DMP/va1.01 — Incomplet — Envoi d’un document au DMP</strong> (Exigence)</summary>',
      '',
      '> Le LGC DOIT alimenter le DMP.',
      '',
      '- **erreur** `coverage/missing-proof` Preuve DMP/va1.01.01.02 : aucun fichier',
      '',
      '</details>',
      '',
      '### Constats hors exigence (1)',
      '',
      '- **avertissement** `bundle/unlisted-file` Fichier non rattaché à une preuve : notes,v2.txt — `notes,v2.txt`',
      '',
    ]);
  });

  it('speaks English with --lang en (labels, verdicts, typography)', () => {
    const lines = render(fixtureContext({ lang: 'en' })).split('\n');
    expect(lines[0]).toBe('## Ségur conformity report — ❌ Check failed');
    expect(lines[2]).toBe('- **Software**: MonLGC 5.2.0');
    expect(lines).toContain('| Non-compliant | 1 |');
  });

  it('says when nothing needs attention', () => {
    const report = {
      ...fixtureReport,
      verdict: 'pass' as const,
      requirements: fixtureReport.requirements.filter((result) => result.verdict === 'conforme'),
      findings: [],
      summary: { requirements: 1, conforme: 1, 'non-conforme': 0, incomplet: 0, 'non-applicable': 0, errors: 0, warnings: 0 },
    };
    const output = render(fixtureContext({ report }));
    expect(output.startsWith('## Rapport de conformité Ségur — ✅ Contrôle réussi\n')).toBe(true);
    expect(output.endsWith('### Exigences à traiter (0)\n\nAucune exigence à traiter.\n')).toBe(true);
  });

  it('cannot be broken out of by REM text (markup and Markdown are escaped)', () => {
    const catalog = {
      ...fixtureContext().catalog,
      requirements: fixtureContext().catalog.requirements.map((requirement) => ({
        ...requirement,
        function: '</summary></details><img src=x onerror=alert(1)>',
        statement: '**[clic](javascript:alert(1))** | col\n# titre',
      })),
    };
    const output = render(fixtureContext({ catalog }));
    expect(output).not.toContain('<img');
    expect(output).toContain('&lt;/summary&gt;&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(output).toContain('> \\*\\*\\[clic\\](javascript:alert(1))\\*\\* \\| col # titre');
  });
});
