// Reading the registration's typed answers: names, dates, postcodes, phone numbers, e-mails.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { dateInWords } from './words';

export function parseName(text: string): string | undefined {
  const name = text.replace(/\s+/g, ' ').trim();
  if (name.length < 1 || name.length > 60) return undefined;
  if (!/\p{L}/u.test(name)) return undefined;
  // No name holds a question mark: "Is er kinderopvang?" at the name step is a question to hear.
  if (/[\d@#$%^&*_=+<>{}[\]|\\/~`?¿!¡]/.test(name)) return undefined;
  return name;
}

export type DateParse = { ok: string } | { error: 'format' | 'impossible' };

/** Day/month/year in the ways Belgians write it (21/03/1990, 21.3.1990, 21-03-1990), ISO 1990-03-21, or with the month in words. */
export function parseBirthDate(text: string): DateParse {
  const t = text.trim();
  let d: number, m: number, y: number;
  let match = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/.exec(t);
  if (match) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    // The month in words, in any of the four languages: "3 april 1985", "1er mars 1990".
    const words = dateInWords(t);
    if (!words) return { error: 'format' };
    ({ d, m, y } = words);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return { error: 'impossible' };
  return { ok: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

export type ContactParse = { ok: { phone?: string; email?: string } } | { error: 'none' | 'phone' | 'email' };

/** A phone number, an e-mail address, or both. The phone is returned in E.164 (+32470123456). */
export function parseContact(text: string): ContactParse {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  const emails = tokens.filter((t) => t.includes('@'));
  if (emails.length > 1) return { error: 'email' };
  let email: string | undefined;
  if (emails.length === 1) {
    if (!EMAIL.test(emails[0]!)) return { error: 'email' };
    email = emails[0]!.toLowerCase();
  }
  const rest = tokens
    .filter((t) => !t.includes('@'))
    .join(' ')
    .replace(/\b(and|et|en|und|or|ou|of|oder)\b/gi, ' ')
    .trim();
  let phone: string | undefined;
  if (/\d/.test(rest)) {
    if (/[^\d+()\s./-]/.test(rest)) return { error: 'phone' };
    const parsed = parsePhoneNumberFromString(rest, 'BE');
    if (!parsed || !parsed.isValid()) return { error: 'phone' };
    phone = parsed.number;
  } else if (rest.length > 0) {
    return { error: email ? 'phone' : 'none' };
  }
  if (!phone && !email) return { error: 'none' };
  return { ok: { ...(phone ? { phone } : {}), ...(email ? { email } : {}) } };
}
