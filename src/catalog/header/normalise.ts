// Header cells vary in accents, case, apostrophes, spacing and line breaks between REM publications:
// they are compared in one normalised form.
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/º/g, '°')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*°\s*/g, '° ')
    .replace(/\s*:\s*$/, '')
    .trim()
    // « Numéro de scénario », « N° du scénario », « N° de preuve 2 » → « n° scenario », « n° preuve 2 ».
    .replace(/^(?:numero|num\.|no\.?)\s+/, '° ')
    .replace(/^n?°\s*/, 'n° ')
    .replace(/^n° (?:de la |de l'|du |de |d')/, 'n° ');
}
