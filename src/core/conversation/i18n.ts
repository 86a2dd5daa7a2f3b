// Texts come from locales/<lng>/<namespace>.json through i18next, loaded once, synchronously.
import i18next, { type i18n } from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Language } from '../panel/config';
import { packagePath } from '../../paths';

export const LOCALES_DIR = packagePath('locales');

export type TextParams = Record<string, unknown>;

export interface Translator {
  t(lng: Language, key: string, params?: TextParams): string;
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
    t: (lng, key, params) => {
      if (params) return instance.t(key, { ...params, lng }) as string;
      const id = `${lng}\u0000${key}`;
      let text = plain.get(id);
      if (text === undefined) {
        text = instance.t(key, { lng }) as string;
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
