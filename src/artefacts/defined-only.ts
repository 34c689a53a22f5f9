/** Drops undefined and empty-string fields, so identities compare and serialise only what was stated. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}
