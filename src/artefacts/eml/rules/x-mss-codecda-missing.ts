// Réf. socle MSSanté #2, ECO.2.4.1: « Le Système DOIT positionner un entête SMTP X-MSS-CODECDA dans
// un message envoyé qui comporte en PJ un ou plusieurs documents CDA encapsulés dans une archive
// IHE_XDM ». A warning: messages written before the référentiel (Ségur wave 1) do not carry it.
import { found, type EmlRule } from './rule.js';

export const xMssCodeCdaMissingRule: EmlRule = {
  code: 'eml/x-mss-codecda-missing',
  severity: 'warning',
  description: 'Un message portant des documents CDA dans une archive IHE_XDM a l’en-tête X-MSS-CODECDA (Réf. socle MSSanté #2, ECO.2.4.1).',
  check(facts) {
    if (facts.fields('x-mss-codecda').length > 0 || facts.documents.length === 0) return [];
    return [found(this, { codes: [...new Set(facts.documents.map((document) => document.code ?? '∅'))].join(', ') }, 'X-MSS-CODECDA')];
  },
};
