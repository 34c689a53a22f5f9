// saxes, the project's SAX parser, is CommonJS: required, not imported (util/require-cjs.ts). Every
// reader takes its parser from here; types come from `import type … from 'saxes'`.
import type * as Saxes from 'saxes';
import { requireCjs } from '../../util/require-cjs.js';

export const { SaxesParser } = requireCjs('saxes') as typeof Saxes;
