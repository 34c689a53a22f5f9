// RFC 5322 §3.3 date-time (obsolete forms of §4.3 accepted), a real calendar date, and a day of the
// week that is the date's (§3.3: "the day-of-week MUST be the day implied by the date").
import { dateProblem } from '../header-formats.js';
import { found, type EmlRule } from './rule.js';

export const dateFormatRule: EmlRule = {
  code: 'eml/date-format',
  severity: 'error',
  description: 'En-tête Date au format date-time de RFC 5322 §3.3 (« Mon, 15 Jan 2024 10:35:00 +0100 »), date réelle, jour de la semaine exact.',
  check(facts) {
    return facts.fields('date').flatMap((field) => {
      const text = facts.text(field);
      const problem = text.ok ? dateProblem(text.text) : undefined;
      return problem ? [found(this, { value: text.ok ? text.text : '', problem }, 'Date')] : [];
    });
  },
};
