// Readability formulas, one per language, each the one its readers' tools use:
//   French  Kandel & Moles (1958): 207 − 1.015 × words/sentence − 73.6 × syllables/word
//   Dutch   Flesch-Douma (1960):   206.84 − 0.93 × words/sentence − 77 × syllables/word
//   German  Amstad (1978):         180 − words/sentence − 58.5 × syllables/word
//   English Flesch (1948):         206.835 − 1.015 × words/sentence − 84.6 × syllables/word
// All four read 0 (very hard) to 100 (very easy); 60 and above is plain language.
// Syllables are counted as groups of vowels, with each language's silent endings; good enough
// for texts of a few sentences, which is what a chat sends.
import type { Language } from '../../src/core/panel/config';

const VOWELS: Record<Language, RegExp> = {
  fr: /[aeiouyàâäéèêëîïôöùûüœæ]+/g,
  nl: /[aeiouyàáâäéèêëíìîïóòôöúùûü]+/g,
  de: /[aeiouyäöüàéè]+/g,
  en: /[aeiouy]+/g,
};

export function syllables(word: string, lng: Language): number {
  let w = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (!w) return 0;
  if (lng === 'fr' && w.length > 3) w = w.replace(/(es|e|ent)$/, (m) => (m === 'ent' ? 'nt' : ''));
  if (lng === 'en' && w.length > 3 && /[^l]e$/.test(w)) w = w.slice(0, -1);
  const groups = w.match(VOWELS[lng])?.length ?? 0;
  return Math.max(1, groups);
}

/** The text as the reader sees it: placeholders as one short word, list bullets and URLs out. */
export function plain(text: string): string {
  return text
    .replace(/\{\{[^}]+\}\}/g, 'Xx')
    .replace(/https?:\/\/\S+/g, 'Xx')
    .replace(/[•☐☑✓]/g, ' ');
}

export function sentences(text: string): string[][] {
  return plain(text)
    .split(/\n+|(?<=[.!?…])\s+/)
    .map((s) => s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)))
    .filter((words) => words.length > 0);
}

export interface Measure {
  score: number;
  words: number;
  longestSentence: number;
}

export function measure(text: string, lng: Language): Measure {
  const list = sentences(text);
  const words = list.flat();
  const syl = words.reduce((n, w) => n + syllables(w, lng), 0);
  const wps = words.length / Math.max(1, list.length);
  const spw = syl / Math.max(1, words.length);
  const score = {
    fr: 207 - 1.015 * wps - 73.6 * spw,
    nl: 206.84 - 0.93 * wps - 77 * spw,
    de: 180 - wps - 58.5 * spw,
    en: 206.835 - 1.015 * wps - 84.6 * spw,
  }[lng];
  return { score, words: words.length, longestSentence: Math.max(0, ...list.map((s) => s.length)) };
}
