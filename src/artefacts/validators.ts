// Which kinds have a validator, loaded on first use (XML code is never loaded for other kinds).
import type { ArtefactKind, ArtefactValidator } from './types.js';

export const validatorLoaders: Partial<Record<ArtefactKind, () => Promise<ArtefactValidator>>> = {
  cda: () => import('./cda/validator.js').then((m) => m.cdaValidator),
  ins: () => import('./ins/validator.js').then((m) => m.insValidator),
  xdm: () => import('./xdm/validator.js').then((m) => m.xdmValidator),
  eml: () => import('./eml/validator.js').then((m) => m.emlValidator),
  'evs-report': () => import('./evs/validator.js').then((m) => m.evsValidator),
};
