import { classificationsOf, XDS_SCHEMES } from '../metadata.js';
import { ABSENT, EntryReport, type XdmEntryRule } from './rule.js';

export const authorRule: XdmEntryRule = {
  code: 'xdm/author',
  severity: 'error',
  description: 'Une classification author nomme (authorPerson) un auteur du CDA par son identifiant.',
  check({ metadataName, entry, cda }) {
    const report = new EntryReport(this, metadataName);
    if (!cda || cda.authors.length === 0) return [];
    const people = classificationsOf(entry, XDS_SCHEMES.author).flatMap((author) => author.slots.get('authorPerson') ?? []);
    // authorPerson is an XCN: `id^family^given^…^&assigning authority OID&ISO` (9th component).
    const matches = people.some((person) => {
      const [id = '', , , , , , , , authority = ''] = person.split('^');
      const root = authority.split('&')[1];
      return cda.authors.some((author) => author.id === id && (!root || !author.root || root === author.root));
    });
    if (!matches) {
      report.add(entry, 'Classification[author]', {
        element: 'authorPerson',
        expected: cda.authors.map((author) => author.id).join(', '),
        found: people.length ? people.join(', ') : ABSENT,
      });
    }
    return report.findings;
  },
};
