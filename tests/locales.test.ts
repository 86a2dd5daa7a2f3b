// Every language has every key, plural forms included (French also has _many), easy-read versions
// (`key_easy`, `key_easy_one`, …) too: where a language's standard text is already easy, its easy
// version says the same, so a translator sees every easy text in every language. An easy version
// also keeps its base's plural forms and placeholders.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, readLocaleResources } from '../src/core/conversation/i18n';
import { LANGUAGES } from '../src/core/panel/config';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const EASY = /_easy(_(zero|one|two|few|many|other))?$/;

function flatten(obj: unknown, prefix = ''): string[] {
  if (Array.isArray(obj) || obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

/** The keys a language must have: plural bases expanded to that language's own categories. */
function expectedKeys(lng: string, baseKeys: Set<string>, pluralBases: Set<string>): Set<string> {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of baseKeys) {
    if (pluralBases.has(key)) for (const c of categories) keys.add(`${key}_${c}`);
    else keys.add(key);
  }
  return keys;
}

describe('locales', () => {
  const resources = readLocaleResources(LOCALES_DIR);
  const keysOf = (lng: string) =>
    new Set(Object.entries(resources[lng] ?? {}).flatMap(([ns, tree]) => flatten(tree).map((k) => `${ns}:${k}`)));
  const all = new Set(LANGUAGES.flatMap((l) => [...keysOf(l)]));
  const pluralBases = new Set([...all].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
  const baseKeys = new Set([...all].map((k) => (PLURAL.test(k) ? k.replace(PLURAL, '') : k)));

  it('has the same namespaces in every language', () => {
    const namespaces = (lng: string) => Object.keys(resources[lng] ?? {}).sort();
    for (const lng of LANGUAGES) expect(namespaces(lng), lng).toEqual(namespaces('en'));
  });

  for (const lng of LANGUAGES) {
    it(`${lng} has every key and every plural form its language needs`, () => {
      const have = keysOf(lng);
      const missing = [...expectedKeys(lng, baseKeys, pluralBases)].filter((k) => !have.has(k));
      expect(missing).toEqual([]);
    });
  }

  for (const lng of LANGUAGES) {
    it(`${lng}: an easy-read version has its base's plural forms and placeholders`, () => {
      const have = keysOf(lng);
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const text = (id: string) => {
        const [ns, key] = id.split(/:(.*)/s) as [string, string];
        return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources[lng]?.[ns]);
      };
      const placeholders = (s: unknown) =>
        typeof s === 'string' ? [...new Set([...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).filter((p) => p !== 'count'))].sort() : [];
      const wrong: string[] = [];
      for (const id of [...have].filter((k) => EASY.test(k))) {
        const easyBase = id.replace(PLURAL, '');
        const plural = PLURAL.test(id);
        const base = plural ? `${easyBase.replace(/_easy$/, '')}${id.match(PLURAL)![0]}` : id.replace(/_easy$/, '');
        if (!have.has(base)) wrong.push(`${id}: no base text ${base}`);
        if (plural) for (const c of categories) if (!have.has(`${easyBase}_${c}`)) wrong.push(`${id}: no ${easyBase}_${c}`);
        if (JSON.stringify(placeholders(text(id))) !== JSON.stringify(placeholders(text(base))))
          wrong.push(`${id}: placeholders ${placeholders(text(id))} instead of ${placeholders(text(base))}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('French plurals include _many', () => {
    expect(new Intl.PluralRules('fr').resolvedOptions().pluralCategories).toContain('many');
    const frKeys = keysOf('fr');
    for (const base of pluralBases) expect(frKeys.has(`${base}_many`), base).toBe(true);
  });

  it('keeps every {{placeholder}} of English in the other languages', () => {
    const en = resources.en!;
    for (const lng of LANGUAGES) {
      for (const [ns, tree] of Object.entries(en)) {
        for (const key of flatten(tree)) {
          const get = (root: unknown) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root);
          const enValue = get(tree);
          const value = get(resources[lng]?.[ns]);
          if (typeof enValue !== 'string' || typeof value !== 'string') continue;
          const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
          expect(placeholders(value), `${lng} ${ns}:${key}`).toEqual(placeholders(enValue));
        }
      }
    }
  });
});
