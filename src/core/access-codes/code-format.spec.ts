import fc from 'fast-check';
import { checkCode, CODE_ALPHABET, CODE_MAX_LENGTH, CODE_MIN_LENGTH, isValidCode } from './code-format';

const alphabetChar = fc.constantFrom(...CODE_ALPHABET.split(''));
const lowerOrUpper = fc.constantFrom(...(CODE_ALPHABET + CODE_ALPHABET.toLowerCase().replace(/[0-9]/g, '')).split(''));
const validCode = fc.array(alphabetChar, { minLength: CODE_MIN_LENGTH, maxLength: CODE_MAX_LENGTH }).map((chars) => chars.join(''));
const VALID = /^[A-NP-Z1-9]{4,6}$/;

describe('access code format', () => {
  it('the alphabet is A–Z without O and 1–9 without 0 (34 symbols)', () => {
    expect(CODE_ALPHABET).toHaveLength(34);
    expect(CODE_ALPHABET).not.toMatch(/[O0]/);
    expect(new Set(CODE_ALPHABET).size).toBe(34);
  });

  it('accepts every 4–6 character string of the alphabet, in either case and with surrounding spaces, and stores it upper-cased', () => {
    fc.assert(
      fc.property(fc.array(lowerOrUpper, { minLength: 4, maxLength: 6 }), fc.constantFrom('', ' ', '\t', '  \n'), fc.constantFrom('', ' ', '\r\n'), (chars, before, after) => {
        const input = `${before}${chars.join('')}${after}`;
        const { code, violations } = checkCode(input);
        expect(violations).toEqual([]);
        expect(code).toBe(chars.join('').toUpperCase());
        expect(code).toMatch(VALID);
        expect(isValidCode(code)).toBe(true);
      }),
    );
  });

  it('whatever the input, an accepted code matches the rule and equals the trimmed, upper-cased input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: fc.constantFrom(...'abcxyzOo0ß19 ABC'.split('')), maxLength: 8 })), (input) => {
        const { code, violations } = checkCode(input);
        if (violations.length === 0) {
          expect(code).toMatch(VALID);
          expect(code).toBe(input.trim().toUpperCase());
        } else {
          expect(VALID.test(input.trim().toUpperCase()) && /^[\x20-\x7e]*$/.test(input.trim())).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('names the letter O and the digit 0 whatever their position, in either case', () => {
    fc.assert(
      fc.property(validCode, fc.nat(), fc.constantFrom('O', 'o', '0'), (code, position, bad) => {
        const at = position % code.length;
        const input = code.slice(0, at) + bad + code.slice(at + 1);
        const rules = checkCode(input).violations.map((v) => v.rule);
        expect(rules).toContain(bad === '0' ? 'CODE_DIGIT_ZERO' : 'CODE_LETTER_O');
        expect(rules).not.toContain('CODE_LENGTH');
      }),
    );
  });

  it('rejects lengths outside 4–6 with the length rule and the actual length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(alphabetChar, { minLength: 1, maxLength: 3 }), fc.array(alphabetChar, { minLength: 7, maxLength: 20 })), (chars) => {
        const { violations } = checkCode(chars.join(''));
        expect(violations).toEqual([{ rule: 'CODE_LENGTH', message: `a code has 4 to 6 characters (got ${chars.length})` }]);
      }),
    );
  });

  it('names other characters, and never upper-cases non-ASCII into the alphabet', () => {
    expect(checkCode('AB-CD').violations.map((v) => v.rule)).toEqual(['CODE_CHARACTER']);
    expect(checkCode('ßAB1').violations.map((v) => v.rule)).toEqual(['CODE_CHARACTER']);
    expect(checkCode('   ').violations.map((v) => v.rule)).toEqual(['CODE_REQUIRED']);
    expect(checkCode(42).violations.map((v) => v.rule)).toEqual(['CODE_REQUIRED']);
    expect(checkCode('O0A').violations.map((v) => v.rule)).toEqual(['CODE_LENGTH', 'CODE_LETTER_O', 'CODE_DIGIT_ZERO']);
  });
});
