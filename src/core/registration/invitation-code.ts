// Invitation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L) plus one
// check character. The alphabet has 31 symbols, a prime, and the check makes
// sum(position * value) = 0 (mod 31) over positions 1..9: every single wrong character and every
// swap of two different characters changes that sum, so both are caught.
import { randomInt } from 'node:crypto';
import { LANGUAGES, type Language } from '../panel/config';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length; // 31
export const CODE_LENGTH = 9;

function checkValue(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CODE_ALPHABET.indexOf(body[i]!);
  // Solve (sum + 9 * c) = 0 mod 31; 9 * 7 = 63 = 1 mod 31, so 7 is the inverse of 9.
  return (((-sum * 7) % BASE) + BASE) % BASE;
}

export function generateCode(): string {
  let body = '';
  for (let i = 0; i < CODE_LENGTH - 1; i++) body += CODE_ALPHABET[randomInt(BASE)];
  return body + CODE_ALPHABET[checkValue(body)];
}

/** How panelbot's codes are printed on letters: ABC-DEF-GHJ; another service's as they are. */
export function formatCode(code: string): string {
  return checkCode(code) !== 'format' ? `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` : code;
}

/** Codes from another service that prints the letters: letters and digits, this long. */
export const OTHER_CODE_LENGTH = { min: 4, max: 16 };

/**
 * Upper case without spaces, dashes, dots or underscores; undefined when it cannot be a code at
 * all. panelbot's own codes (9 characters, see above) and other services' codes (4 to 16 letters
 * and digits) both pass.
 */
export function normalizeCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s\-_.]/g, '');
  return compact.length >= OTHER_CODE_LENGTH.min && compact.length <= OTHER_CODE_LENGTH.max && /^[0-9A-Z]+$/.test(compact) ? compact : undefined;
}

export type CodeCheck = 'ok' | 'format' | 'checksum';

/** panelbot's own format: 'ok', 'checksum' (a typing mistake), or 'format' (not one of ours). */
export function checkCode(code: string): CodeCheck {
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return 'format';
  return CODE_ALPHABET[checkValue(code.slice(0, -1))] === code[CODE_LENGTH - 1] ? 'ok' : 'checksum';
}

/**
 * Whether a file of codes holds panelbot's own: most of those in our format have a right check
 * character (another service's codes pass by chance 1 time in 31). Then a wrong one is a typo.
 */
export function ownCodes(codes: string[]): boolean {
  const ours = codes.map(checkCode).filter((c) => c !== 'format');
  return ours.length > 0 && ours.filter((c) => c === 'ok').length * 2 >= ours.length;
}

/** The languages printed on a letter ("nl+fr"), those panelbot knows. */
export function letterLanguages(languages: string): Language[] {
  return languages.split('+').filter((l): l is Language => (LANGUAGES as readonly string[]).includes(l));
}
