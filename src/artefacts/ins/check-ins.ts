// Checks one INS value where an artefact states it (a CDA patientRole/id, an INSi INSACTIF):
// OID vs NIR/NIA, shape, key, and consistency with the traits the same artefact states.
import type { Severity } from '../../engine/finding.js';
import type { ArtefactFinding } from '../types.js';
import { insKey, isNiaBody, isRealMonth, parseInsNumber, sexOfBody } from './ins-number.js';
import { expectsNir, INS_OIDS, isInsOid } from './oids.js';

/** Every code an INS check can report (registry test: each has a message). */
export const INS_CHECKS: Record<string, Severity> = {
  'ins/unknown-oid': 'error',
  'ins/format': 'error',
  'ins/key': 'error',
  'ins/nia-under-nir-oid': 'error',
  'ins/nir-under-nia-oid': 'warning',
  'ins/production-oid': 'info',
  'ins/sex-mismatch': 'warning',
  'ins/birth-date-mismatch': 'warning',
  'ins/birthplace-mismatch': 'warning',
};

export interface InsOccurrence {
  value: string;
  oid: string;
  location?: string;
  line?: number;
}

/** Traits stated beside the INS, already in INS terms: sex `M`/`F`, birth date `YYYYMMDD…`, COG birthplace. */
export interface StatedTraits {
  sex?: string;
  birthDate?: string;
  birthplace?: string;
}

export function checkIns(occurrence: InsOccurrence, traits: StatedTraits): ArtefactFinding[] {
  const findings: ArtefactFinding[] = [];
  const { value: ins, oid } = occurrence;
  const report = (rule: string, args: Record<string, string> = {}): void => {
    findings.push({ rule, severity: INS_CHECKS[rule]!, args: { ins, ...args }, location: occurrence.location, line: occurrence.line });
  };
  if (!isInsOid(oid)) report('ins/unknown-oid', { oid });
  if (oid === INS_OIDS.nirProduction) report('ins/production-oid', { oid });
  const parsed = parseInsNumber(ins);
  if (!parsed) {
    report('ins/format');
    return findings;
  }
  const expectedKey = insKey(parsed.body);
  if (expectedKey !== parsed.key) report('ins/key', { key: parsed.key, expectedKey });
  const nia = isNiaBody(parsed.body);
  if (nia && expectsNir(oid)) report('ins/nia-under-nir-oid', { oid });
  if (!nia && !expectsNir(oid)) report('ins/nir-under-nia-oid', { oid });
  if (nia) return findings; // a waiting number carries no reliable sex, date or place

  const sex = sexOfBody(parsed.body);
  if (sex && traits.sex && (traits.sex === 'M' || traits.sex === 'F') && traits.sex !== sex) {
    report('ins/sex-mismatch', { sex: traits.sex });
  }
  const birthDate = traits.birthDate;
  if (birthDate && birthDate.length >= 6) {
    const yearMatches = birthDate.slice(2, 4) === parsed.year;
    const monthMatches = !isRealMonth(parsed.month) || birthDate.slice(4, 6) === parsed.month;
    if (!yearMatches || !monthMatches) report('ins/birth-date-mismatch', { birthDate });
  }
  if (traits.birthplace && !sameBirthplace(parsed.birthplace, traits.birthplace, birthYearBound(parsed.year, traits.birthDate))) {
    report('ins/birthplace-mismatch', { birthplace: traits.birthplace });
  }
  return findings;
}

/** COG code of Algeria as a country (born abroad: `99` + country code). */
const ALGERIA_COG = '99352';
const FORMER_ALGERIAN_DEPARTMENTS = new Set(['91', '92', '93', '94']);
/** Last birth year a NIR department 91–94 can mean Algeria (independence, 5 July 1962). */
const LAST_ALGERIAN_DEPARTMENT_YEAR = 1962;

/**
 * The earliest year the person can have been born in: the stated birth date's four-digit year when
 * it agrees with the NIR's two digits, else the NIR's two digits read in the 1900s (the earliest
 * reading: a NIR year `05` may be 1905, never earlier).
 */
function birthYearBound(nirYear: string, statedBirthDate: string | undefined): number {
  const stated = statedBirthDate && /^\d{4}/.test(statedBirthDate) ? statedBirthDate.slice(0, 4) : undefined;
  return stated !== undefined && stated.slice(2) === nirYear ? Number(stated) : 1900 + Number(nirYear);
}

/**
 * The NIR's birthplace (department + commune as registered at birth) against the COG code an
 * artefact states, as the same place can be written:
 * - Corsica was department `20` until 1976, then `2A` / `2B`, commune numbers unchanged: `20004`,
 *   `2A004` are one place (Ajaccio), whichever side has the old code;
 * - people born in Algeria before 1962 keep a NIR department 91–94 (the former Algerian
 *   departments), while their birthplace is today the country code of Algeria, 99352. Born after
 *   1962, 91–94 are the Île-de-France departments (created 1968): Algeria is then another place.
 * `earliestBirthYear`: the birth year, or the earliest it can be (see `birthYearBound`).
 */
export function sameBirthplace(nirPlace: string, statedPlace: string, earliestBirthYear: number): boolean {
  const place = statedPlace.toUpperCase();
  if (nirPlace === place) return true;
  const corsica = (code: string) => /^(?:20|2A|2B)\d{3}$/.test(code);
  if (corsica(nirPlace) && corsica(place)) return nirPlace.slice(2) === place.slice(2) && (nirPlace.startsWith('20') || place.startsWith('20'));
  return FORMER_ALGERIAN_DEPARTMENTS.has(nirPlace.slice(0, 2)) && place === ALGERIA_COG && earliestBirthYear <= LAST_ALGERIAN_DEPARTMENT_YEAR;
}
