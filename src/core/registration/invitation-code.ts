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

/** How codes are printed on letters: ABC-DEF-GHJ. */
export function formatCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` : code;
}

/** Upper case without spaces or dashes; undefined when it cannot be a code at all. */
export function normalizeCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s\-_.]/g, '');
  return compact.length === CODE_LENGTH && /^[0-9A-Z]+$/.test(compact) ? compact : undefined;
}

export type CodeCheck = 'ok' | 'format' | 'checksum';

export function checkCode(code: string): CodeCheck {
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return 'format';
  return CODE_ALPHABET[checkValue(code.slice(0, -1))] === code[CODE_LENGTH - 1] ? 'ok' : 'checksum';
}

/** The languages printed on a letter ("nl+fr"), those panelbot knows. */
export function letterLanguages(languages: string): Language[] {
  return languages.split('+').filter((l): l is Language => (LANGUAGES as readonly string[]).includes(l));
}
