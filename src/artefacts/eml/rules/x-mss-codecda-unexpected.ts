// Réf. socle MSSanté #2, ECO.2.4.1: « En cas d'absence en PJ d'un document de santé CDA encapsulé
// dans une archive IHE_XDM, l'entête ne DOIT pas être positionné ».
import { found, type EmlRule } from './rule.js';

export const xMssCodeCdaUnexpectedRule: EmlRule = {
  code: 'eml/x-mss-codecda-unexpected',
  severity: 'error',
  description: 'X-MSS-CODECDA est absent quand aucun document CDA n’est joint dans une archive IHE_XDM (Réf. socle MSSanté #2, ECO.2.4.1).',
  check(facts) {
    if (facts.fields('x-mss-codecda').length === 0 || !noCdaAttached(facts)) return [];
    return [found(this, {}, 'X-MSS-CODECDA')];
  },
};

/** No IHE XDM archive, or archives read whole with no CDA in them. */
export function noCdaAttached(facts: { xdm: unknown[]; documents: unknown[]; documentsComplete: boolean }): boolean {
  return facts.xdm.length === 0 || (facts.documentsComplete && facts.documents.length === 0);
}
