// Cells whose text has a meaning beyond itself: the nature (EXIGENCE / PRECONISATION), the
// conditional flag (OUI / NON) and the profile list. Case and accents do not matter.
import type { Nature } from './schema.js';

const NATURES: Record<string, Nature> = { EXIGENCE: 'EXIGENCE', PRECONISATION: 'PRECONISATION' };
const CONDITIONAL: Record<string, boolean> = { OUI: true, NON: false, VRAI: true, FAUX: false, TRUE: true, FALSE: false };

/** The comparable form of a closed value: `Préconisation` → `PRECONISATION`. */
export function closedValue(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').trim().toUpperCase();
}

/** undefined when the cell is not a known nature. */
export function parseNature(cell: string): Nature | undefined {
  const key = closedValue(cell);
  return Object.hasOwn(NATURES, key) ? NATURES[key] : undefined;
}

/** undefined when the cell is not a known yes/no value. */
export function parseConditional(cell: string): boolean | undefined {
  const key = closedValue(cell);
  return Object.hasOwn(CONDITIONAL, key) ? CONDITIONAL[key] : undefined;
}

/** A profile cell may list several profiles, separated by commas, semicolons or line breaks. */
export function splitProfiles(cell: string): string[] {
  const profiles = cell
    .split(/[,;\n]/)
    .map((profile) => profile.replace(/^[-•]\s*/, '').trim())
    .filter((profile) => profile !== '');
  return [...new Set(profiles)];
}
