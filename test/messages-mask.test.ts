// Masking by content (src/messages/mask.ts): INS/NIR in every form people write them, and nothing else.
import { describe, expect, it } from 'vitest';
import { maskIdentifiersIn } from '../src/messages/mask.js';

const INS = '285036912304579';

describe('INS and NIR are masked in every written form', () => {
  it.each([
    ['compact', `INS ${INS}.`, 'INS 28503••••••••79.'],
    ['13-character body', 'NIR 2850369123045', 'NIR 28503••••••45'],
    ['standard grouping, spaces', '2 85 03 69 123 045 79', '2 85 03 •• ••• ••• 79'],
    ['standard grouping, no-break spaces', '2\u00a085\u00a003\u00a069\u00a0123\u00a0045\u00a079', '2\u00a085\u00a003\u00a0••\u00a0•••\u00a0•••\u00a079'],
    ['standard grouping, narrow no-break spaces', '2\u202f85\u202f03\u202f69\u202f123\u202f045\u202f79', '2\u202f85\u202f03\u202f••\u202f•••\u202f•••\u202f79'],
    ['standard grouping, dots', '2.85.03.69.123.045.79', '2.85.03.••.•••.•••.79'],
    ['standard grouping, hyphens', '2-85-03-69-123-045-79', '2-85-03-••-•••-•••-79'],
    ['double spaces', '2  85  03  69  123  045  79', '2  85  03  ••  •••  •••  79'],
    ['other grouping by blanks', '285 036 912 304 579', '285 03• ••• ••• •79'],
    ['body then key', '2850369123045 79', '28503•••••••• 79'],
    ['glued to letters', `INS${INS}`, 'INS28503••••••••79'],
    ['inside a word', `patient${INS}x`, 'patient28503••••••••79x'],
    ['Corsica', 'NIR 1800120004123 et 180012A004123', 'NIR 18001••••••23 et 18001••••••23'],
    ['HL7 composite', `${INS}^^^&1.2.250.1.213.1.4.10&ISO^NH`, '28503••••••••79^^^&1.2.250.1.213.1.4.10&ISO^NH'],
    ['patient mailbox', `${INS}@patient.mssante.fr`, '28503••••••••79@patient.mssante.fr'],
  ])('%s', (_name, text, masked) => {
    expect(maskIdentifiersIn(text)).toBe(masked);
  });
});

describe('what is not an identifier is left alone', () => {
  it.each([
    ['INS OID', '1.2.250.1.213.1.4.10'],
    ['document OID', '1.2.250.1.999.7.3.20240115.1'],
    ['HL7 timestamp', '20240115103000+0100'],
    ['millisecond timestamp (month 00)', '1700000000000'],
    ['SHA-256', 'c9a2f1e3285036912304579ab2f0e1d4c9a2f1e3285036912304579ab2f0e1d4'],
    ['SHA-1', 'a1b2c3d4e5285036912304579f6a7b8c9d0e1f2a3'],
    ['UUID', 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983'],
    ['a phone number', '+33 1 23 45 67 89'],
    ['a longer number', '12850369123045799'],
    ['a size', '3 145 763 octets'],
  ])('%s', (_name, text) => {
    expect(maskIdentifiersIn(text)).toBe(text);
  });
});
