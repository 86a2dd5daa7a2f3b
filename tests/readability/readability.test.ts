// Every citizen text is measured with its language's readability formula (tests/helpers/readability.ts)
// and its longest sentence, at two levels (tests/readability/texts.ts):
//   standard  every base text: no sentence over 25 words, a score of 60 or more;
//   easy-read for every base text, what a person who asked for easy-read is sent (`key_easy` if the
//             file has it, else the base text): no sentence over 15 words, a score of 80 or more.
// Labels and short texts (under 8 words) are measured for sentence length only.
// The FAQ answers (faq/<lng>.md) are measured at the standard level too, with no allow-list: all must pass;
// what easy-read sends (the entry's `easy:` answer, else its answer) at the easy-read level, also with no allow-list.
// Texts still to rewrite are listed in allow-list.json (standard) and easy-allow-list.json (easy-read);
// the lists may only shrink: a listed text that now passes must be taken off (`npm run readability -- --prune`).
// `npm run readability` prints every failing text with its score and longest sentence.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/panel/config';
import { measure } from '../helpers/readability';
import { citizenTexts, EASY, faqAnswers, orphanEasyKeys, problems, STANDARD, type CitizenText, type Level } from './texts';

const readList = (file: string) => new Set<string>(JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')) as string[]);
const LISTS: Array<{ level: Level; file: string; text: (t: CitizenText) => string }> = [
  { level: STANDARD, file: 'allow-list.json', text: (t) => t.text },
  { level: EASY, file: 'easy-allow-list.json', text: (t) => t.easy },
];

describe('readability of every citizen text', () => {
  const texts = citizenTexts();
  const byId = new Map(texts.map((t) => [t.id, t]));

  for (const { level, file, text } of LISTS) {
    const allowed = readList(file);
    describe(level.name, () => {
      for (const lng of LANGUAGES) {
        it(`${lng}: no sentence over ${level.maxSentenceWords} words, a score of ${level.minScore} or more`, () => {
          const failing = texts
            .filter((t) => t.lng === lng && !allowed.has(t.id))
            .map((t) => ({ id: t.id, problems: problems(lng, text(t), level) }))
            .filter((t) => t.problems.length > 0)
            .map((t) => `${t.id}: ${t.problems.join(', ')}`);
          expect(failing).toEqual([]);
        });
      }

      it(`${file} only holds texts that still fail (it shrinks as texts are rewritten)`, () => {
        const stale = [...allowed].filter((id) => {
          const t = byId.get(id);
          return !t || problems(t.lng, text(t), level).length === 0;
        });
        expect(stale).toEqual([]);
      });
    });
  }

  describe('FAQ answers (faq/<lng>.md)', () => {
    const answers = faqAnswers();
    for (const lng of LANGUAGES) {
      it(`${lng}: every answer has no sentence over ${STANDARD.maxSentenceWords} words and a score of ${STANDARD.minScore} or more`, () => {
        const mine = answers.filter((a) => a.lng === lng);
        expect(mine.length).toBeGreaterThan(0);
        const failing = mine
          .map((a) => ({ id: a.id, problems: problems(lng, a.text, STANDARD) }))
          .filter((a) => a.problems.length > 0)
          .map((a) => `${a.id}: ${a.problems.join(', ')}`);
        expect(failing).toEqual([]);
      });
      it(`${lng}: what easy-read sends (the \`easy:\` answer, else the answer) has no sentence over ${EASY.maxSentenceWords} words and a score of ${EASY.minScore} or more`, () => {
        const failing = answers
          .filter((a) => a.lng === lng)
          .map((a) => ({ id: a.id, problems: problems(lng, a.easy ?? a.text, EASY) }))
          .filter((a) => a.problems.length > 0)
          .map((a) => `${a.id} easy: ${a.problems.join(', ')}`);
        expect(failing).toEqual([]);
      });
    }
  });

  it('every easy-read key stands for a base text of the same file', () => {
    expect(orphanEasyKeys()).toEqual([]);
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
