import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creditCodeCheckChar, isValidCreditCode } from '@common/domain/credit-code';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Published codes of real, well-known registrants (check characters computed by the standard).
  it.each(['91350100M000100Y43', '91110000100010433L', '91440300708461136T'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects a code with one character changed', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    // I, O, S, V, Z are not in the alphabet
    expect(isValidCreditCode('91350100M0001O0Y43')).toBe(false);
  });

  it('computes a check character that validates, for any 17-character body', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }), (chars) => {
        const body = chars.join('');
        const check = creditCodeCheckChar(body);
        expect(check).not.toBeNull();
        expect(isValidCreditCode(body + check)).toBe(true);
      }),
    );
  });
});
