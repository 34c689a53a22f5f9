// An INSi teleservice answer (SOAP 1.2, namespace INSiResultat) as the checks need it.
import { descend, descendantsNamed, firstChild, type XmlNode } from '../xml/node.js';

export const INSI_NAMESPACE = 'http://www.cnamts.fr/INSiResultat';

export interface InsiResponse {
  result: XmlNode;
  codeCr?: XmlNode;
  libelleCr?: string;
  individual?: XmlNode;
  insActif?: XmlNode;
  tiq?: XmlNode;
}

/**
 * Finds `RESULTAT` under the SOAP envelope; undefined when it is not an INSi answer. `root` is read
 * with INSiResultat as home namespace (xml/read-xml.ts): `RESULTAT` and its children are names in
 * that namespace, whatever their prefix.
 */
export function findInsiResult(root: XmlNode): InsiResponse | undefined {
  const result = root.name === 'RESULTAT' ? root : descendantsNamed(root, 'RESULTAT')[0];
  if (!result) return undefined;
  const individual = firstChild(result, 'INDIVIDU');
  return {
    result,
    codeCr: descend(result, 'CR/CodeCR'),
    libelleCr: descend(result, 'CR/LibelleCR')?.text,
    individual,
    insActif: firstChild(individual, 'INSACTIF'),
    tiq: firstChild(individual, 'TIQ'),
  };
}

/** First birth given name: `Prenom` when present, else the first name of `ListePrenom`. */
export function firstGivenName(tiq: XmlNode): string | undefined {
  const prenom = firstChild(tiq, 'Prenom')?.text;
  if (prenom) return prenom;
  return firstChild(tiq, 'ListePrenom')?.text.split(/\s+/)[0] || undefined;
}

