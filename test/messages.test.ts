import { describe, expect, it } from 'vitest';
import { catalogs, formatMessage, maskIdentifier } from '../src/messages/index.js';

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

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
    expect(formatMessage('io/input-unreadable', { file: 'a.xml', reason: 'EACCES' })).toBe('Impossible de lire a.xml : EACCES');
    expect(maskIdentifier('279035121518989')).toBe('27903••••••••89');
    expect(formatMessage('io/input-unreadable', { file: 'x', reason: 'y' }, { lang: 'en' })).toBe('Cannot read x: y');
  });
});
