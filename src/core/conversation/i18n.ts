// Texts come from locales/<lng>/<namespace>.json through i18next, loaded once, synchronously.
import i18next, { type i18n } from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Language } from '../panel/config';
import { packagePath } from '../../paths';
import { frenchTypography } from './typography';

export const LOCALES_DIR = packagePath('locales');

export type TextParams = Record<string, unknown>;

/** The easy-read version of `ns:key` is `key_easy` in the same file (`key_easy_one`… for plurals). */
export const EASY_CONTEXT = 'easy';

export interface Translator {
  /**
   * The text in this language; with `easy`, its easy-read version (`key_easy`, i18next's context),
   * falling back to the text itself where none was needed.
   */
  t(lng: Language, key: string, params?: TextParams, easy?: boolean): string;
  /** A list of words stored as "a|b|c" (e.g. the words of a command). */
  list(lng: Language, key: string): string[];
  has(lng: Language, key: string): boolean;
  readonly namespaces: string[];
}

export function readLocaleResources(dir = LOCALES_DIR): Record<string, Record<string, unknown>> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lng of LANGUAGES) {
    resources[lng] = {};
    const folder = path.join(dir, lng);
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      resources[lng]![file.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
    }
  }
  return resources;
}

export function createTranslator(dir = LOCALES_DIR): Translator {
  const resources = readLocaleResources(dir);
  const namespaces = Object.keys(resources.en ?? {});
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: resources as never,
    lng: 'en',
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as never);
  // Texts without parameters never change: look each up in i18next once.
  const plain = new Map<string, string>();
  return {
    namespaces,
    t: (lng, key, params, easy) => {
      const context = easy ? { context: EASY_CONTEXT } : {};
      const typeset = (text: string) => (lng === 'fr' ? frenchTypography(text) : text);
      if (params) return typeset(instance.t(key, { ...params, lng, ...context }) as string);
      const id = `${lng}\u0000${key}\u0000${easy ? 1 : 0}`;
      let text = plain.get(id);
      if (text === undefined) {
        text = typeset(instance.t(key, { lng, ...context }) as string);
        plain.set(id, text);
      }
      return text;
    },
    list: (lng, key) => {
      const value = instance.t(key, { lng, returnObjects: true }) as unknown;
      if (Array.isArray(value)) return value.map(String);
      // Word lists are one text with | between the words, so every language has the same keys.
      return typeof value === 'string' && value !== key ? value.split('|').map((w) => w.trim()).filter(Boolean) : [];
    },
    has: (lng, key) => instance.exists(key, { lng }),
  };
}
