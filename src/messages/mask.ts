/** `279035121518989` → `27903••••••••89`: keeps sex, birth year and month, and the key. */
export function maskIdentifier(value: string): string {
  if (value.length <= 7) return '•'.repeat(value.length);
  return value.slice(0, 5) + '•'.repeat(value.length - 7) + value.slice(-2);
}

/**
 * Masks every NIR/INS-shaped number inside free text written by others (ANS schematron messages
 * quote document values): 13 or 15 characters — sex digit, year, month, department (2A/2B for
 * Corsica), commune, order, optional key. A code that merely looks like one is masked too: harmless.
 */
export function maskIdentifiersIn(text: string): string {
  return text.replace(/(?<![\w.])[1-478]\d{4}(?:\d{2}|2[AB])\d{6}(?:\d{2})?(?![\w.])/g, maskIdentifier);
}
