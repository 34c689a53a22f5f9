import { describe, expect, it } from 'vitest';
import { checklistFormat, renderChecklist } from '../../src/report/checklist.js';
import { fixtureContext } from './fixture-context.js';
import { render as renderCsv } from '../../src/report/formats/csv.js';

describe('DSR checklist', () => {
  it('lists every expected proof in REM order, ticked when provided, with files, sizes, SHA-256 and problems (exact Markdown)', async () => {
    expect(String(await renderChecklist(fixtureContext(), 'md')).split('\n')).toEqual([
      '# Liste des preuves à déposer (DSR)',
      '',
      '- **Logiciel** : MonLGC 5.2.0',
      '- **Éditeur** : Éditeur Exemple',
      '- **Profil(s)** : Général',
      '- **Catalogue** : REM-TEST — REM de test (échantillon, pas un texte ANS)',
      '- **Verdict** : Contrôle échoué',
      '- **Outil** : segur 0.1.0',
      '',
      '5 preuves attendues : 3 fournies, 1 en erreur, 1 manquante ; en plus, 2 preuves non applicables (rien à déposer).',
      '',
      '## INS/va1.01 — Appel au téléservice INSi · Conforme',
      '',
      '> Le LGC DOIT appeler le téléservice INSi.',
      '',
      '**INS/va1.01.01** Rechercher l’INS d’un patient.',
      '',
      '- [x] **INS/va1.01.01.01** Capture d’écran de l’appel INSi — fournie',
      '  - `proofs/INS_va1.01.01.01/capture.png` · 2048 o · SHA-256 `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`',
      '- [x] **INS/va1.01.01.02** Réponse INSi enregistrée — fournie',
      '  - `proofs/INS_va1.01.01.02/reponse.xml` · 512 o · SHA-256 `bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb`',
      '  - `proofs/INS_va1.01.01.02/requête.xml` · 256 o · SHA-256 `cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc`',
      '',
      '## INS/va1.02 — Qualification de l’identité · Non conforme',
      '',
      '> Le LGC DOIT qualifier l’identité &lt;script&gt;alert(1)&lt;/script&gt; avant tout échange.',
      '',
      '**INS/va1.02.01** Produire un CDA portant l’INS qualifiée.',
      '',
      '- [ ] **INS/va1.02.01.01** Document CDA — **en erreur**',
      '  - `proofs/INS_va1.02.01.01/cda.xml` · 4096 o · SHA-256 `dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd`',
      '  - \\[erreur\\] realmCode absent ou différent de « FR » — proofs/INS\\_va1.02.01.01/cda.xml:3 (/ClinicalDocument/realmCode)',
      '  - \\[avertissement\\] OID d’INS inattendu : 1.2.3 &amp; &lt;b&gt; — proofs/INS\\_va1.02.01.01/cda.xml (/ClinicalDocument/recordTarget)',
      '',
      '## DMP/va1.01 — Envoi d’un document au DMP · Incomplet',
      '',
      '> Le LGC DOIT alimenter le DMP.',
      '',
      '**DMP/va1.01.01** Envoyer un document.',
      '',
      '- [x] **DMP/va1.01.01.01** Document CDA envoyé au DMP — fournie',
      '  - `proofs/DMP_va1.01.01.01/doc.xml` · 100 o · SHA-256 `eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee`',
      '- [ ] **DMP/va1.01.01.02** Rapport de validation EVS — **manquante**',
      '  - \\[erreur\\] Preuve DMP/va1.01.01.02 : aucun fichier',
      '',
      '**DMP/va1.01.02** Remplacer un document.',
      '',
      '- **DMP/va1.01.02.01** Capture d’écran — non applicable',
      '',
      '## ERGO/va1.05 — Aperçu avant envoi · Non applicable',
      '',
      '> \\=HYPERLINK("http://exemple.invalid/?x="&amp;A1,"Cliquez ici")',
      '',
      '**ERGO/va1.05.01** Montrer l’aperçu.',
      '',
      '- **ERGO/va1.05.01.01** Vidéo de démonstration — non applicable',
      '',
    ]);
  });

  it('takes its format from the output extension, case-insensitively', () => {
    expect(checklistFormat('liste.xlsx')).toBe('xlsx');
    expect(checklistFormat('dossier.v2/LISTE.CSV')).toBe('csv');
    expect(checklistFormat('liste.md')).toBe('md');
    expect(() => checklistFormat('liste.pdf')).toThrow(expect.objectContaining({ code: 'report/checklist.bad-extension', args: { file: 'liste.pdf' } }));
    expect(() => checklistFormat('liste')).toThrow(expect.objectContaining({ code: 'report/checklist.bad-extension' }));
  });

  it('writes the same table as the csv report for .csv', async () => {
    expect(await renderChecklist(fixtureContext(), 'csv')).toBe(renderCsv(fixtureContext()));
  });
});
