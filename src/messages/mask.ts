/** `279035121518989` → `27903••••••••89`: keeps sex, birth year and month, and the key. */
export function maskIdentifier(value: string): string {
  if (value.length <= 7) return '•'.repeat(value.length);
  return value.slice(0, 5) + '•'.repeat(value.length - 7) + value.slice(-2);
}
