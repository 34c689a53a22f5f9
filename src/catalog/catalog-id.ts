// A catalog id comes from the workbook's file name (`REM-MDV-LGC-Va1.xlsx` → `REM-MDV-LGC-Va1`) and
// names a file in rem-catalogs/, so it is kept to a safe character set: accented letters lose their
// accent (`Ségur` → `Segur`, not `S-gur`), ligatures are spelt out, anything else becomes `-`.
import { basename, extname } from 'node:path';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

export function catalogIdFromFile(file: string): string {
  const stem = basename(file, extname(file))
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[œŒæÆß]/g, (letter) => LIGATURES[letter]!);
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return safe === '' ? 'catalogue' : safe;
}

export function isSafeCatalogId(id: string): boolean {
  return SAFE_ID.test(id) && !id.includes('..');
}
