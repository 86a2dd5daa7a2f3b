// Every citizen text is measured with its language's readability formula (tests/helpers/readability.ts)
// and its longest sentence: no sentence over 25 words, and a score of 60 or more. Labels and short
// texts (under 8 words) are measured for sentence length only: a formula says nothing about 3 words.
// Texts still to rewrite are listed in allow-list.json; the list may only shrink: a listed text
// that now passes must be taken off it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, readLocaleResources } from '../../src/core/conversation/i18n';
import { LANGUAGES, type Language } from '../../src/core/panel/config';
import { measure } from '../helpers/readability';

export const MIN_SCORE = 60;
export const MAX_SENTENCE_WORDS = 25;
const MIN_WORDS_FOR_SCORE = 8;
/** Not read as prose: command words, the organisers' namespace-free labels. */
const NOT_PROSE = /(^|[.:])commands\.|^telegram:|languageName$/;

function flatten(obj: unknown, prefix = ''): Array<[string, string]> {
  if (typeof obj === 'string') return [[prefix, obj]];
  if (obj === null || typeof obj !== 'object') return [];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

export function citizenTexts(): Array<{ id: string; lng: Language; text: string }> {
  const resources = readLocaleResources(LOCALES_DIR);
  return LANGUAGES.flatMap((lng) =>
    Object.entries(resources[lng] ?? {}).flatMap(([ns, tree]) =>
      flatten(tree)
        .filter(([key]) => !NOT_PROSE.test(`${ns}:${key}`))
        .map(([key, text]) => ({ id: `${lng}:${ns}:${key}`, lng, text })),
    ),
  );
}

export function problems(lng: Language, text: string): string[] {
  const m = measure(text, lng);
  const found: string[] = [];
  if (m.longestSentence > MAX_SENTENCE_WORDS) found.push(`a sentence of ${m.longestSentence} words`);
  if (m.words >= MIN_WORDS_FOR_SCORE && m.score < MIN_SCORE) found.push(`score ${m.score.toFixed(0)}`);
  return found;
}

const ALLOW_FILE = path.join(__dirname, 'allow-list.json');
const allowed = new Set<string>(JSON.parse(fs.readFileSync(ALLOW_FILE, 'utf8')) as string[]);

describe('readability of every citizen text', () => {
  const texts = citizenTexts();

  for (const lng of LANGUAGES) {
    it(`${lng}: no sentence over ${MAX_SENTENCE_WORDS} words, a score of ${MIN_SCORE} or more`, () => {
      const failing = texts
        .filter((t) => t.lng === lng && !allowed.has(t.id))
        .map((t) => ({ id: t.id, problems: problems(lng, t.text) }))
        .filter((t) => t.problems.length > 0)
        .map((t) => `${t.id}: ${t.problems.join(', ')}`);
      expect(failing).toEqual([]);
    });
  }

  it('the allow-list only holds texts that still fail (it shrinks as texts are rewritten)', () => {
    const byId = new Map(texts.map((t) => [t.id, t]));
    const stale = [...allowed].filter((id) => {
      const t = byId.get(id);
      return !t || problems(t.lng, t.text).length === 0;
    });
    expect(stale).toEqual([]);
  });

  it('the formulas score plain and hard texts as expected', () => {
    expect(measure('The cat sat on the mat. It was happy.', 'en').score).toBeGreaterThan(90);
    expect(measure('Notwithstanding considerable administrative complications, the organisational committee unanimously recommended comprehensive institutional reconsideration.', 'en').score).toBeLessThan(10);
    expect(measure('Le chat dort. Il est content.', 'fr').score).toBeGreaterThan(80);
    expect(measure('De kat slaapt. Hij is blij.', 'nl').score).toBeGreaterThan(80);
    expect(measure('Die Katze schläft. Sie ist froh.', 'de').score).toBeGreaterThan(70);
    expect(measure('Die Durchführungsbestimmungen der Verwaltungsvorschriften erfordern umfangreiche Genehmigungsverfahren.', 'de').score).toBeLessThan(20);
  });
});
