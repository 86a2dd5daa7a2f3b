// The four languages as choices, each named in its own language, plus the words people type for them.
import type { Choice } from '../messages';
import { LANGUAGES, type Language } from '../../panel/config';
import type { Translator } from '../i18n';
import { matchChoice } from '../text';

// A greeting that belongs to one language only also chooses it: "bonjour" is an answer, not an
// error. ("Hallo" is Dutch and German alike, so it still asks.)
const LANGUAGE_WORDS: Record<Language, string[]> = {
  fr: ['fr', 'francais', 'french', 'frans', 'franzosisch', 'francaise', 'en francais', 'bonjour', 'bonsoir', 'salut', 'coucou', 'bonjour madame', 'bonjour monsieur'],
  nl: ['nl', 'nederlands', 'dutch', 'neerlandais', 'niederlandisch', 'vlaams', 'flamand', 'in het nederlands', 'goedendag', 'goeiedag', 'goedemorgen', 'goedemiddag', 'goedenavond', 'dag', 'hoi'],
  de: ['de', 'deutsch', 'german', 'allemand', 'duits', 'auf deutsch', 'guten tag', 'guten morgen', 'guten abend', 'gruss gott', 'moin', 'servus'],
  en: ['en', 'english', 'anglais', 'engels', 'englisch', 'in english', 'hello', 'good morning', 'good afternoon', 'good evening'],
};

/** The languages offered, those of the person's letter first. */
export function languageChoices(i18n: Translator, offered: readonly Language[], preferred: readonly Language[] = []): Choice[] {
  const order = [...preferred.filter((l) => offered.includes(l)), ...offered.filter((l) => !preferred.includes(l))];
  return order.map((lng) => ({ id: lng, label: i18n.t(lng, 'common:languageName') }));
}

export function matchLanguage(text: string, choices: Choice[]): Language | undefined {
  const id = matchChoice(text, choices, LANGUAGE_WORDS);
  return (LANGUAGES as readonly string[]).includes(id ?? '') ? (id as Language) : undefined;
}
