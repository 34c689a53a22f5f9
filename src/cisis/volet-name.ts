// A volet's name from its schematron's file name. Its own module: the tree listing, the header's
// `<?oxygen SCHSchema?>` reading and the compiler all need it, and only the compiler needs the rest
// of the compiler (loading it costs every run that finds its packs in the cache).
import { basename } from 'node:path';

/** `schematrons/CI-SIS_BIO-CR-BIO_2024.01.sch` → `BIO-CR-BIO_2024.01`. */
export function voletName(file: string): string {
  return basename(file).replace(/\.sch$/i, '').replace(/^CI-SIS_/, '');
}
