// The OIDs under which an INS (Identité Nationale de Santé) is carried.
export const INS_OIDS = {
  nirProduction: '1.2.250.1.213.1.4.8',
  nia: '1.2.250.1.213.1.4.9',
  nirTest: '1.2.250.1.213.1.4.10',
  nirDemo: '1.2.250.1.213.1.4.11',
} as const;

const ALL = new Set<string>(Object.values(INS_OIDS));

export function isInsOid(oid: string | undefined): oid is string {
  return oid !== undefined && ALL.has(oid);
}

/** A NIR (registration number) is expected under every INS OID but the NIA one. */
export function expectsNir(oid: string): boolean {
  return oid !== INS_OIDS.nia;
}
