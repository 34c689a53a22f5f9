import { describe, expect, it } from 'vitest';
import { catalogs, formatMessage, maskIdentifier } from '../src/messages/index.js';
import { templateArguments as placeholders } from '../src/messages/plural.js';

describe('message catalog', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.fr).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [code, template] of Object.entries(catalogs.fr)) {
      expect(placeholders(catalogs.en[code]!), code).toEqual(placeholders(template));
    }
  });

  it('fills placeholders and masks identifiers unless revealed', () => {
    expect(formatMessage('io/input-unreadable', { file: 'a.xml', reason: 'EACCES' })).toBe('Impossible de lire a.xml : accès refusé (EACCES)');
    expect(maskIdentifier('279035121518989')).toBe('27903••••••••89');
    expect(formatMessage('io/input-unreadable', { file: 'x', reason: 'y' }, { lang: 'en' })).toBe('Cannot read x: y');
  });

  it('chooses plural forms: French singular for 0 and 1, English for 1 only', () => {
    catalogs.fr['test/plural'] = '{count, plural, one {# exigence} other {# exigences}} dans {file}';
    catalogs.en['test/plural'] = '{count, plural, one {# requirement} other {# requirements}} in {file}';
    try {
      const fr = (count: number) => formatMessage('test/plural', { count, file: 'a' });
      const en = (count: number) => formatMessage('test/plural', { count, file: 'a' }, { lang: 'en' });
      expect([fr(0), fr(1), fr(2)]).toEqual(['0 exigence dans a', '1 exigence dans a', '2 exigences dans a']);
      expect([en(0), en(1), en(2)]).toEqual(['0 requirements in a', '1 requirement in a', '2 requirements in a']);
      expect(placeholders(catalogs.fr['test/plural'])).toEqual(['count', 'file']);
    } finally {
      delete catalogs.fr['test/plural'];
      delete catalogs.en['test/plural'];
    }
  });

  it('renders a library text through our own wording when its code has a message, else keeps the raw text', () => {
    const args = { file: 'm.yaml', line: 2, column: 3, detail: 'Tabs are not allowed as indentation', detailCode: 'yaml/tab-as-indent' };
    expect(formatMessage('manifest/yaml-syntax', args)).toContain('tabulation');
    expect(formatMessage('manifest/yaml-syntax', args, { lang: 'en' })).toContain('tab');
    expect(formatMessage('manifest/yaml-syntax', { ...args, detailCode: 'yaml/unknown-new-code' })).toContain('Tabs are not allowed as indentation');
  });

  it('English batch outputs carry no French verdict words', () => {
    const counts = formatMessage('batch/counts', { conforme: 4, nonConforme: 0, incomplet: 1, nonApplicable: 1 }, { lang: 'en' });
    expect(counts).toBe('compliant: 4, non-compliant: 0, incomplete: 1, not applicable: 1');
    expect(formatMessage('batch/tally', { total: 1, failed: 0, out: 'out' }, { lang: 'en' })).toBe('1 bundle checked, 0 failing; reports in out');
  });
});
