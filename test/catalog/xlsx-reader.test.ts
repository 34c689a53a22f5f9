// The focused xlsx reader on hand-written parts: cell types, rich and phonetic runs, dates, merges.
import { describe, expect, it } from 'vitest';
import { parseSheetPart } from '../../src/catalog/xlsx/sheet-part.js';
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook } from '../../src/catalog/xlsx/workbook-parts.js';
import { excelDateToIso, isDateFormat } from '../../src/catalog/xlsx/number-format.js';
import { columnLetters, parseCellRef } from '../../src/catalog/xlsx/cell-ref.js';
import { DEFAULT_READ_LIMITS, newCellBudget } from '../../src/catalog/xlsx/limits.js';
import { denseRows } from './helpers.js';

const xml = (text: string) => Buffer.from(text, 'utf8');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('workbook parts', () => {
  it('shared strings: rich runs joined, phonetic runs left out, spaces kept', () => {
    const { strings, cleaned } = parseSharedStrings(
      xml(`<sst ${NS}><si><t>ID</t></si><si><t>ligne 1_x000D_\nligne 2 _x005F_x0041_</t></si><si><r><rPr><b/></rPr><t>Le logiciel </t></r><r><t xml:space="preserve">DOIT  </t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t/></si></sst>`),
      'f.xlsx',
      'xl/sharedStrings.xml',
      DEFAULT_READ_LIMITS,
    );
    expect(strings).toEqual(['ID', 'ligne 1\r\nligne 2 _x0041_', 'Le logiciel DOIT  ', '漢字', '']);
    expect(cleaned).toEqual(new Set());
  });

  it('reads UTF-8 with a byte order mark and UTF-16 in both byte orders', () => {
    const text = `<?xml version="1.0"?><sst ${NS}><si><t>Préconisation</t></si></sst>`;
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const bytes of [utf16le, utf16be, utf8bom]) expect(parseSharedStrings(bytes, 'f.xlsx', 'xl/sharedStrings.xml', DEFAULT_READ_LIMITS).strings).toEqual(['Préconisation']);
  });

  it('styles: which cell formats display dates', () => {
    const styles = parseDateStyles(
      xml(
        `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Réf.&quot; 0"/></numFmts>` +
          `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs></styleSheet>`,
      ),
      'f.xlsx',
      'xl/styles.xml',
    );
    expect(styles).toEqual([false, true, true, false, false]);
  });

  it('number formats and day numbers', () => {
    expect(isDateFormat(0, undefined)).toBe(false);
    expect(isDateFormat(22, undefined)).toBe(true);
    expect(isDateFormat(170, '[$-40C]d mmmm yyyy;@')).toBe(true);
    expect(isDateFormat(171, '#,##0.00 [$€-40C]')).toBe(false);
    expect(excelDateToIso(45352, false)).toBe('2024-03-01');
    expect(excelDateToIso(45352.5, false)).toBe('2024-03-01T12:00:00');
    expect(excelDateToIso(43890, true)).toBe('2024-03-01');
  });

  it('workbook: sheets in order with their relationship ids, date1904', () => {
    const info = parseWorkbook(
      xml(
        `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Lisez-moi" sheetId="2" r:id="rId2"/><sheet name="Exigences" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'f.xlsx',
      'xl/workbook.xml',
    );
    expect(info).toEqual({ sheets: [{ name: 'Lisez-moi', relId: 'rId2', state: 'visible' }, { name: 'Exigences', relId: 'rId1', state: 'visible' }], date1904: true });
  });

  it('relationships: relative and absolute targets resolved, external ones dropped', () => {
    const rels = parseRelationships(
      xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://x/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://x/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`,
      ),
      'f.xlsx',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
    );
    expect([...rels.entries()]).toEqual([
      ['rId1', { type: 'http://x/worksheet', target: 'xl/worksheets/sheet1.xml' }],
      ['rId2', { type: 'http://x/worksheet', target: 'xl/worksheets/sheet2.xml' }],
    ]);
  });
});

describe('sheet part', () => {
  const decoding = { sharedStrings: ['ID', 'Exigence', 'INS/va1.01'], cleanedSharedStrings: new Set<number>(), dateStyles: [false, true], date1904: false };
  const source = { file: 'f.xlsx', part: 'xl/worksheets/sheet1.xml', name: 'Exigences', state: 'visible' as const };

  it('reads every cell type as text', () => {
    const grid = parseSheetPart(
      xml(
        `<worksheet ${NS}><sheetData>` +
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
          `<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>Le </t></r><r><rPr><b/></rPr><t>DOIT</t></r><rPh><t>x</t></rPh></is></c>` +
          `<c r="C3"><v>12.50</v></c><c r="D3" s="1"><v>45352</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c>` +
          `<c r="G3" t="str"><f>A3</f><v>calcul_x00E9_</v></c><c r="H3" t="d"><v>2024-03-01T00:00:00</v></c><c r="I3" t="s"><v>99</v></c><c r="J3"/></row>` +
          `<row><c t="s"><v>0</v></c><c><v>7</v></c></row>` +
          `</sheetData></worksheet>`,
      ),
      source,
      decoding,
      newCellBudget(),
    );
    expect(denseRows(grid)).toEqual([
      ['ID', '', 'Exigence'],
      undefined,
      ['INS/va1.01', 'Le DOIT', '12.5', '2024-03-01', 'VRAI', '#N/A', 'calculé', '2024-03-01'],
      ['ID', '7'],
    ]);
  });

  it('fills vertically merged cells down their first column only', () => {
    const grid = parseSheetPart(
      xml(
        `<worksheet ${NS}><sheetData><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>1</v></c></row><row r="3"><c r="C3"><v>1</v></c></row><row r="4"><c r="C4"><v>2</v></c></row></sheetData>` +
          `<mergeCells count="3"><mergeCell ref="A2:A4"/><mergeCell ref="B2:C2"/><mergeCell ref="D1:D1048576"/></mergeCells></worksheet>`,
      ),
      source,
      decoding,
      newCellBudget(),
    );
    expect(denseRows(grid)).toEqual([undefined, ['INS/va1.01', 'Exigence'], ['INS/va1.01', '', '1'], ['INS/va1.01', '', '2']]);
  });
});

describe('cell references', () => {
  it('round-trips column letters and bounds references', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(parseCellRef('$AB$12')).toEqual({ row: 12, column: 27 });
    expect(parseCellRef('XFE1')).toBeUndefined();
    expect(parseCellRef('A0')).toBeUndefined();
    expect(parseCellRef('A1048577')).toBeUndefined();
  });
});
