// The four languages as choices, each named in its own language, plus the words people type for them.
import type { Choice } from '../messages';
import { LANGUAGES, type Language } from '../../panel/config';
import type { Translator } from '../i18n';
import { matchChoice } from '../text';

const LANGUAGE_WORDS: Record<Language, string[]> = {
  fr: ['fr', 'francais', 'french', 'frans', 'franzosisch', 'francaise'],
  nl: ['nl', 'nederlands', 'dutch', 'neerlandais', 'niederlandisch', 'vlaams', 'flamand'],
  de: ['de', 'deutsch', 'german', 'allemand', 'duits'],
  en: ['en', 'english', 'anglais', 'engels', 'englisch'],
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
