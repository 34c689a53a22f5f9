import { descendantsNamed } from '../../xml/node.js';
import { listOf, quote, RuleReport, type CdaRule } from './rule.js';

const ADDRESS_USES = ['H', 'HP', 'HV', 'WP', 'TMP'];
const TELECOM_USES = ['H', 'HP', 'HV', 'WP', 'DIR', 'PUB', 'EC', 'MC', 'PG'];
const NULL_FLAVORS = ['UNK', 'NASK', 'ASKU', 'NAV', 'MSK'];
const TELECOM_VALUE = /^(tel|fax|mailto|http|ftp|mllp):.+/;

export const addrTelecomRule: CdaRule = {
  code: 'cda/addr-telecom',
  severity: 'error',
  description:
    'Adresses et télécoms de l’en-tête : addr/@use parmi H, HP, HV, WP, TMP ; telecom/@value « schéma:texte » (tel, fax, mailto, http, ftp, mllp) ou seulement un nullFlavor ; telecom/@use parmi H, HP, HV, WP, DIR, PUB, EC, MC, PG.',
  check({ root }) {
    const report = new RuleReport(this);
    for (const addr of descendantsNamed(root, 'addr')) {
      const use = addr.attrs.use;
      if (use !== undefined && !use.split(/\s+/).every((token) => ADDRESS_USES.includes(token))) {
        report.add(addr, '@use', listOf(ADDRESS_USES), quote(use));
      }
    }
    for (const telecom of descendantsNamed(root, 'telecom')) {
      const { value, nullFlavor, use } = telecom.attrs;
      if (value !== undefined && nullFlavor !== undefined) report.add(telecom, '@value | @nullFlavor', '1', '2');
      else if (nullFlavor !== undefined) {
        if (!NULL_FLAVORS.includes(nullFlavor)) report.add(telecom, '@nullFlavor', listOf(NULL_FLAVORS), quote(nullFlavor));
      } else if (value === undefined) report.add(telecom, '@value | @nullFlavor', '1', '0');
      else if (!TELECOM_VALUE.test(value)) report.add(telecom, '@value', 'tel: | fax: | mailto: | http: | ftp: | mllp:', quote(value));
      if (use !== undefined && !use.split(/\s+/).every((token) => TELECOM_USES.includes(token))) {
        report.add(telecom, '@use', listOf(TELECOM_USES), quote(use));
      }
    }
    return report.findings;
  },
};
