// Catalog import and store (`segur catalog …`, and any command reading a CATALOG).
export const catalog: Record<string, string> = {
  'catalog/not-a-zip':
    '{file} is not an Excel workbook (.xlsx): it is not a zip archive (a CSV or text file renamed to .xlsx?). Open it in Excel or LibreOffice and save it as .xlsx.',
  'catalog/ole-container':
    '{file} is an OLE container: a legacy .xls workbook or a password-encrypted .xlsx. Open it in Excel or LibreOffice, remove any password and save it as .xlsx.',
  'catalog/empty-file': '{file} is empty: it is not an .xlsx workbook.',
  'catalog/encrypted': '{file} holds encrypted parts: remove the encryption and save it as .xlsx.',
  'catalog/zip-unreadable': 'Cannot read archive {file} (technical detail: {reason}). The file may be truncated or corrupt; save it again as .xlsx.',
  'catalog/zip-truncated': 'Archive {file} is truncated: the end of the zip archive is missing (interrupted download or copy?). Get the complete file or save it again as .xlsx.',
  'catalog/zip-corrupt': 'Archive {file} is corrupt: its zip structure (headers, central directory) is invalid. Save the workbook again as .xlsx from Excel or LibreOffice.',
  'catalog/zip-entry-corrupt': 'Archive {file} is corrupt: entry "{entry}" does not decompress. Save the workbook again as .xlsx from Excel or LibreOffice.',
  'catalog/zip-unsupported': 'Cannot read archive {file}: it uses a zip feature segur does not support (compression method, multi-volume archive or strong encryption). Save the workbook again as .xlsx from Excel or LibreOffice.',
  'catalog/zip-crc-mismatch': 'Archive {file} refused: the content of entry "{entry}" does not match its CRC-32 checksum (altered or corrupt file).',
  'catalog/zip-name-mismatch': 'Archive {file} refused: central directory entry "{entry}" is named "{localName}" in its local header; two tools would not read the same file there.',
  'catalog/zip-unsafe-name': 'Archive {file} refused: entry "{entry}" has an absolute path or one that climbs out of the archive (".."), never present in an Excel workbook.',
  'catalog/zip-name-encoding': 'Archive {file} refused: the name of an entry, declared UTF-8, holds a byte that is not UTF-8 (0x{byte}, byte {offset} of the name, after "{entry}").',
  'catalog/zip-duplicate-entry': 'Archive {file} refused: two entries have the same name "{entry}" (up to case or Unicode normalisation); tools do not all extract the same copy.',
  'catalog/zip-too-many-entries':
    '{file} refused: the archive declares {count} entries (maximum {max}). A REM workbook has a few dozen: this file is not a REM (zip bomb?).',
  'catalog/zip-too-large':
    '{file} refused before decompression: the archive declares more than {maxMb} MB uncompressed (zip bomb?). If the workbook is legitimate, run again with --max-uncompressed-mb <MB>.',
  'catalog/xml-too-large':
    '{file} refused before decompression: the XML parts to read (sheets, shared strings…) exceed {maxMb} MB uncompressed (at part {part}). A REM has a few MB of them; if the workbook is legitimate, run again with --max-uncompressed-mb <MB>.',
  'catalog/not-a-workbook': '{file} is a zip archive but not an Excel workbook (no xl/workbook.xml). Save the REM as .xlsx.',
  'catalog/xml-doctype':
    '{file} refused: part {part} holds a DOCTYPE declaration (XML entities), never present in an Excel workbook. The file was not read any further; save it again from Excel or LibreOffice.',
  'catalog/xml-invalid': '{file}: invalid XML in part {part}, line {line}, column {column} ({detail}). Save the workbook again from Excel or LibreOffice.',
  'catalog/part-invalid-bytes':
    '{file}: part {part} holds a byte that is invalid in {encoding}, line {line}, column {column} (byte {offset}). The workbook was not read (no character replaced); save it again from Excel or LibreOffice.',
  'catalog/part-unknown-encoding': '{file}: part {part} declares encoding "{encoding}", which is not supported (UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, windows-1252). Save the workbook again from Excel or LibreOffice.',
  'catalog/limit-cells':
    '{file} refused: reading sheet "{sheet}" goes past {max} cells (merged cells copied down included). A REM has far fewer: this workbook is not a REM, or its merged ranges overlap.',
  'catalog/limit-rows': '{file} refused: sheet "{sheet}" has more than {max} filled rows. A REM has far fewer: this workbook is not a REM.',
  'catalog/limit-merged-ranges': '{file} refused: sheet "{sheet}" declares more than {max} merged cell ranges. A REM has far fewer: this workbook is not a REM.',
  'catalog/limit-column-ranges': '{file} refused: sheet "{sheet}" declares more than {max} column ranges (Excel only has 16,384 columns).',
  'catalog/limit-cell-text':
    '{file} refused: cell {cell} of sheet "{sheet}" holds more than {max} characters, Excel\'s limit for one cell. This workbook was not written by Excel; save it again from Excel or LibreOffice.',
  'catalog/limit-shared-string-text':
    '{file} refused: shared string {index} of {part} holds more than {max} characters, Excel\'s limit for one cell. This workbook was not written by Excel; save it again from Excel or LibreOffice.',
  'catalog/limit-shared-strings': '{file} refused: part {part} declares more than {max} shared strings. A REM has far fewer: this workbook is not a REM.',
  'catalog/limit-requirements':
    '{file}, sheet "{sheet}", row {row}: more than {max} requirements. A published REM has a few hundred: this workbook is not a REM (or the ID column is the wrong one).',
  'catalog/limit-scenarios':
    '{file}, sheet "{sheet}", row {row}: more than {max} scenarios. A published REM has far fewer: this workbook is not a REM (or the scenario number column is the wrong one).',
  'catalog/limit-proofs':
    '{file}, sheet "{sheet}", row {row}: more than {max} proofs. A published REM has far fewer: this workbook is not a REM (or the proof number columns are the wrong ones).',
  'catalog/limit-text':
    '{file}, sheet "{sheet}", row {row}: the catalog texts (statements, scenarios, proofs…) exceed {max} characters in total. A published REM has far fewer: this workbook is not a REM (one long shared text repeated over thousands of rows?).',
  'catalog/file-limit-requirements': 'Catalog {file} refused: more than {max} requirements. A published REM has a few hundred; regenerate the catalog with "segur catalog import".',
  'catalog/file-limit-scenarios': 'Catalog {file} refused: more than {max} scenarios. A published REM has far fewer; regenerate the catalog with "segur catalog import".',
  'catalog/file-limit-proofs': 'Catalog {file} refused: more than {max} proofs. A published REM has far fewer; regenerate the catalog with "segur catalog import".',
  'catalog/file-limit-text':
    'Catalog {file} refused: its texts (ids, statements, scenarios, proofs…, each YAML alias counted as many times as it is used) exceed {max} characters in total. A published REM has far fewer; regenerate the catalog with "segur catalog import".',
  'catalog/yaml-too-large':
    '{file}: the catalog would be {size} bytes of YAML, beyond the {max} bytes segur reads back; it was not written. A published REM makes far less: this workbook is not a REM.',
  'catalog/no-header':
    'No sheet of {file} has a recognisable REM header (it needs at least an identifier column, "ID" or "N° exigence", and a statement column, "Exigence"). Headers seen (first non-empty row of each sheet):\n{seen}\nFor an unknown layout, describe the columns in a file given to --columns (see "segur catalog import --help").',
  'catalog/sheet-not-found': 'Sheet "{sheet}" does not exist in {file}. Sheets: {sheets}.',
  'catalog/columns-syntax': 'Column map {file} cannot be read (line {line}): {detail}.',
  'catalog/columns-invalid':
    'Invalid column map {file}: "{path}": {detail}.\nExpected: "columns:" followed by "Workbook header: field" lines (fields: id, statement, chapter, function, scenarioId, scenario, proofId1, proof1…, ignore).',
  'catalog/row-without-id':
    '{file}, sheet "{sheet}", row {row}: a scenario or proof number without a requirement ID. Fill in the requirement ID on this row (or merge the cell with the one above).',
  'catalog/conflicting-requirement':
    '{file}, sheet "{sheet}": requirement {id} has two different values in column "{column}", row {firstRow} and row {row}. Fix the workbook so that all rows of the requirement agree.',
  'catalog/conflicting-scenario':
    '{file}, sheet "{sheet}": scenario {scenario} has two different texts, row {firstRow} and row {row}. Fix the workbook so that they agree.',
  'catalog/conflicting-proof':
    '{file}, sheet "{sheet}": proof {proof} has two different texts, row {firstRow} and row {row}. Fix the workbook so that they agree.',
  'catalog/proof-without-scenario':
    '{file}, sheet "{sheet}", row {row}: proof {proof} belongs to no scenario (empty "N° scénario" column). Fill in the scenario number on this row.',
  'catalog/bad-nature':
    '{file}, sheet "{sheet}", row {row}: unknown requirement nature "{value}" (expected EXIGENCE or PRECONISATION). The columns of this row may be shifted.',
  'catalog/bad-conditional':
    '{file}, sheet "{sheet}", row {row}: unexpected value "{value}" for "Exigence conditionnelle" (expected OUI, NON or empty).',
  'catalog/no-requirements': '{file}, sheet "{sheet}": no requirement below the header on row {row}.',
  'catalog/not-a-catalog-file':
    '"{ref}" is not a REM catalog: give an id from rem-catalogs/ (segur catalog list), a .yaml or .json catalog, or a .xlsx REM workbook.',
  'catalog/import-would-replace':
    '{file} already exists and comes from another workbook: two REMs have the same file name. Choose another file with --out, or replace this catalog with --force.',
  'catalog/unknown-id':
    'Catalog "{id}" not found: looked in {local} (the current folder), then {bundled} (segur’s own). Available catalogs: {available}. Import the REM with "segur catalog import REM.xlsx" from the folder you run segur in, or give the path of a .yaml, .json or .xlsx file.',
  'catalog/yaml-too-many-entries': '{file}, line {line}: more than {max} keys and list items. The catalog of a 2,000-row REM has about 30,000, a column map a few dozen: this file is neither.',
  'catalog/yaml-large-not-plain': '{file}, line {line}: this catalog of more than {max} characters leaves plain YAML here (anchor, alias, tag, repeated or non-text key, second document, tab starting a line, control character, quoted text over several lines, syntax error). A catalog this large must be the one « segur catalog import » writes: regenerate it, or fix this line.',
  'catalog/yaml-too-deep': '{file}, line {line}: more than {max} levels of nesting. A catalog or a column map has only a few: this file is not one.',
  'catalog/yaml-multiple-documents': '{file}, line {line}: a second YAML document ("---") starts here; the file must hold only one.',
  'catalog/file-syntax': 'Cannot read catalog {file} (line {line}): {detail}. Regenerate it with "segur catalog import".',
  'catalog/file-invalid': 'Invalid catalog {file}: field "{path}": {detail}. Regenerate it with "segur catalog import".',
  'catalog/bad-show-format': 'Unknown format "{value}" for catalog show: use tty or json.',
  'catalog/bad-max-uncompressed': 'Invalid value "{value}" for --max-uncompressed-mb: give a positive number of MB.',

  'catalog/imported': 'Catalog {id} written to {file}: {requirements, plural, one {# requirement} other {# requirements}}, {scenarios, plural, one {# scenario} other {# scenarios}}, {proofs, plural, one {# proof} other {# proofs}}.',
  'catalog/explain-sheet': 'Sheet "{sheet}", header on row {row}.',
  'catalog/explain-sheet-hidden-forced': '  This sheet is {state} in Excel: read because --sheet (or the "sheet:" of --columns) names it.',
  'catalog/explain-sheet-hidden-fallback': '  This sheet is {state} in Excel: read because no visible sheet has a REM header.',
  'catalog/explain-state-hidden': 'hidden',
  'catalog/explain-state-veryHidden': 'very hidden',
  'catalog/explain-state-visible': 'visible',
  'catalog/explain-hidden-sheets-skipped': 'Hidden sheets skipped (a visible sheet has a REM header; --sheet to read one): {sheets}.',
  'catalog/explain-column-hidden': ' [column hidden in Excel]',
  'catalog/explain-columns': 'Columns read:',
  'catalog/explain-column': '  {column} → {field}',
  'catalog/explain-ignored': 'Ignored columns:',
  'catalog/explain-ignored-reviewer': '  {column} (ANS reviewer column)',
  'catalog/explain-ignored-unused': '  {column} (not kept in the catalog)',
  'catalog/explain-ignored-unknown': '  {column} (unknown header; use --columns to read it)',
  'catalog/explain-ignored-duplicate': '  {column} (duplicate of a column already read)',
  'catalog/explain-ignored-mapped-ignore': '  {column} (ignored by --columns)',
  'catalog/explain-assumptions': 'Assumptions:',
  'catalog/explain-nature-absent': '  no "Nature de l’exigence" column: every requirement is assumed to be an EXIGENCE.',
  'catalog/explain-nature-empty': '  {count, plural, one {# requirement} other {# requirements}} with no nature filled in: assumed to be EXIGENCE.',
  'catalog/explain-proof-text-without-number': '  {count, plural, one {# proof text} other {# proof texts}} without "N° preuve" ignored (template padding).',
  'catalog/explain-scenario-text-without-number': '  {count, plural, one {# scenario text} other {# scenario texts}} without "N° scénario" ignored.',
  'catalog/explain-rows-skipped': '  {count, plural, one {# row} other {# rows}} without a requirement ID ignored.',
  'catalog/explain-hidden-rows':
    '  {count} row(s) hidden in Excel (filter, collapsed group or hidden by hand) read like the others: {rows}. Delete them from the workbook if they are not part of the REM.',
  'catalog/explain-control-characters':
    '  {count} cell(s) held control characters (Word manual line break, invisible pasted characters): replaced by line breaks or spaces.',
  'catalog/explain-map-unmatched': '  --columns entries matching no column of the header: {headers}.',
  'catalog/explain-counts': 'Result: {requirements, plural, one {# requirement} other {# requirements}}, {scenarios, plural, one {# scenario} other {# scenarios}}, {proofs, plural, one {# proof} other {# proofs}} ({rows, plural, one {# row} other {# rows}} read).',

  'catalog/list-empty': 'No catalog in rem-catalogs/. Import a REM with "segur catalog import REM.xlsx".',
  'catalog/list-line': '{id}  {requirements, plural, one {# requirement} other {# requirements}}, {scenarios, plural, one {# scenario} other {# scenarios}}, {proofs, plural, one {# proof} other {# proofs}}  {title}  ({origin})',
  'catalog/list-problem': '{id}  unreadable: {problem}',
  'catalog/list-origin-local': 'rem-catalogs/',
  'catalog/list-origin-bundled': 'shipped with segur',
  'catalog/show-header': '{title} ({id}) — source {file}, sheet "{sheet}"',
  'catalog/show-profiles': 'Profiles: {profiles}',
  'catalog/show-counts': '{requirements, plural, one {# requirement} other {# requirements}}, {scenarios, plural, one {# scenario} other {# scenarios}}, {proofs, plural, one {# proof} other {# proofs}}{profile}',
  'catalog/show-profile': ' for profile {profile}',
  'catalog/show-requirement': '{id}  [{nature}{conditional}]  {chapter} — {function}',
  'catalog/show-conditional': ', conditional',
  'catalog/show-scenario': '  {id}  {text}',
  'catalog/show-proof': '    {id}  {text}',
};
