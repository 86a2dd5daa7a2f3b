// The citizen texts the readability test measures, and the two levels they are measured at.
// Standard: every base text. Easy-read: for every base text, its effective easy-read version, which
// is `key_easy` (plural: `key_easy_one`, …) when the namespace file has it, else the base text
// itself (i18next's context fallback, what a person who asked for easy-read is sent).
import fs from 'node:fs';
import path from 'node:path';
import { readLocaleResources, LOCALES_DIR } from '../../src/core/conversation/i18n';
import { parseFaq } from '../../src/core/helpline/faq';
import { packagePath } from '../../src/paths';
import { LANGUAGES, type Language } from '../../src/core/panel/config';
import { measure } from '../helpers/readability';

export interface Level {
  name: 'standard' | 'easy';
  minScore: number;
  maxSentenceWords: number;
}
export const STANDARD: Level = { name: 'standard', minScore: 60, maxSentenceWords: 25 };
export const EASY: Level = { name: 'easy', minScore: 80, maxSentenceWords: 15 };
/** Under this many words a text is checked for sentence length only: a formula says nothing about 3 words. */
export const MIN_WORDS_FOR_SCORE = 8;

/** Not read as prose: command words, the organisers' namespace-free labels. */
const NOT_PROSE = /(^|[.:])commands\.|^telegram:|languageName$/;
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** `key_easy`, `key_easy_one`: an easy-read version, not a base text. */
export const EASY_KEY = /_easy(_(zero|one|two|few|many|other))?$/;

/** The base key an easy-read key stands for: `a.b_easy_one` → `a.b_one`. */
export function baseOfEasy(key: string): string {
  return key.replace(/_easy(?=(_(zero|one|two|few|many|other))?$)/, '');
}

/** The easy-read key of a base key: `a.b_one` → `a.b_easy_one`, `a.b` → `a.b_easy`. */
export function easyOf(key: string): string {
  const plural = key.match(PLURAL);
  return plural ? `${key.slice(0, -plural[0].length)}_easy${plural[0]}` : `${key}_easy`;
}

function flatten(obj: unknown, prefix = ''): Array<[string, string]> {
  if (typeof obj === 'string') return [[prefix, obj]];
  if (obj === null || typeof obj !== 'object') return [];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

export interface CitizenText {
  /** lng:ns:key of the base text */
  id: string;
  lng: Language;
  ns: string;
  key: string;
  text: string;
  /** The text sent in easy-read: key_easy if present, else the base text. */
  easy: string;
  /** Whether a key_easy exists. */
  hasEasy: boolean;
}

export function citizenTexts(dir = LOCALES_DIR): CitizenText[] {
  const resources = readLocaleResources(dir);
  return LANGUAGES.flatMap((lng) =>
    Object.entries(resources[lng] ?? {}).flatMap(([ns, tree]) => {
      const entries = flatten(tree).filter(([key]) => !NOT_PROSE.test(`${ns}:${key}`));
      const byKey = new Map(entries);
      return entries
        .filter(([key]) => !EASY_KEY.test(key))
        .map(([key, text]) => {
          const easy = byKey.get(easyOf(key));
          return { id: `${lng}:${ns}:${key}`, lng, ns, key, text, easy: easy ?? text, hasEasy: easy !== undefined };
        });
    }),
  );
}

export interface FaqAnswer {
  /** lng:faq:N, N the entry's place in faq/<lng>.md */
  id: string;
  lng: Language;
  text: string;
  /** The entry's easy-read answer (`easy:`), if written. */
  easy?: string;
}

/** The FAQ answers the bot sends (faq/<lng>.md): citizen texts too. */
export function faqAnswers(dir = packagePath('faq')): FaqAnswer[] {
  return LANGUAGES.flatMap((lng) => {
    const file = path.join(dir, `${lng}.md`);
    if (!fs.existsSync(file)) return [];
    return parseFaq(fs.readFileSync(file, 'utf8')).map((e) => ({ id: `${lng}:faq:${e.id}`, lng, text: e.answer, easy: e.easy }));
  });
}

/** Easy-read keys whose base text does not exist (a typo in the key, or a base renamed since). */
export function orphanEasyKeys(dir = LOCALES_DIR): string[] {
  const resources = readLocaleResources(dir);
  return LANGUAGES.flatMap((lng) =>
    Object.entries(resources[lng] ?? {}).flatMap(([ns, tree]) => {
      const keys = new Set(flatten(tree).map(([k]) => k));
      return [...keys].filter((k) => EASY_KEY.test(k) && !keys.has(baseOfEasy(k))).map((k) => `${lng}:${ns}:${k}`);
    }),
  );
}

export function problems(lng: Language, text: string, level: Level = STANDARD): string[] {
  const m = measure(text, lng);
  const found: string[] = [];
  if (m.longestSentence > level.maxSentenceWords) found.push(`a sentence of ${m.longestSentence} words`);
  if (m.words >= MIN_WORDS_FOR_SCORE && m.score < level.minScore) found.push(`score ${m.score.toFixed(0)}`);
  return found;
}
