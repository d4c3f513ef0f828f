/**
 * The access-code alphabet: A–Z without O and 1–9 without 0, so a code read aloud or typed from a
 * screen cannot confuse the letter O with zero. 25 letters + 9 digits = 34 symbols.
 */
export const CODE_ALPHABET = 'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789';
export const CODE_MIN_LENGTH = 4;
export const CODE_MAX_LENGTH = 6;
export const CODE_DEFAULT_LENGTH = 6;

export type CodeRule = 'CODE_REQUIRED' | 'CODE_LENGTH' | 'CODE_LETTER_O' | 'CODE_DIGIT_ZERO' | 'CODE_CHARACTER';

export interface CodeViolation {
  rule: CodeRule;
  message: string;
}

export interface CodeCheck {
  /** The trimmed, upper-cased input (meaningful only when `violations` is empty). */
  code: string;
  violations: CodeViolation[];
}

const ALLOWED = new Set(CODE_ALPHABET);

/**
 * Trims and upper-cases the input and lists every rule it breaks. Only ASCII letters are
 * upper-cased: `toUpperCase()` on other scripts can change the length (`ß` → `SS`) and would let
 * a character outside the alphabet sneak in.
 */
export function checkCode(input: unknown): CodeCheck {
  if (typeof input !== 'string' || input.trim() === '') {
    return { code: '', violations: [{ rule: 'CODE_REQUIRED', message: 'a code is required' }] };
  }
  const trimmed = input.trim();
  const code = trimmed.replace(/[a-z]/g, (ch) => ch.toUpperCase());
  const chars = [...code];
  const violations: CodeViolation[] = [];
  if (chars.length < CODE_MIN_LENGTH || chars.length > CODE_MAX_LENGTH) {
    violations.push({ rule: 'CODE_LENGTH', message: `a code has ${CODE_MIN_LENGTH} to ${CODE_MAX_LENGTH} characters (got ${chars.length})` });
  }
  if (chars.includes('O')) violations.push({ rule: 'CODE_LETTER_O', message: 'the letter O is not allowed (it reads like the digit 0)' });
  if (chars.includes('0')) violations.push({ rule: 'CODE_DIGIT_ZERO', message: 'the digit 0 is not allowed (it reads like the letter O)' });
  const others = [...new Set(chars.filter((ch) => ch !== 'O' && ch !== '0' && !ALLOWED.has(ch)))];
  if (others.length > 0) {
    violations.push({ rule: 'CODE_CHARACTER', message: `characters ${others.map((ch) => JSON.stringify(ch)).join(', ')} are not allowed: use A–Z without O and 1–9` });
  }
  return { code, violations };
}

export function isValidCode(code: string): boolean {
  return checkCode(code).violations.length === 0 && code === code.trim() && code === code.toUpperCase();
}

/** How many distinct codes of a length exist. */
export function codeSpace(length: number): number {
  return CODE_ALPHABET.length ** length;
}
