// The kinds of registration question: how each asks, reads the answer (its parser) and shows it in
// the summary. Each field of ../fields.ts names its kind; the dialogue (./index.ts) asks the fields
// in the list's order and goes on through the context it gives each step.
import type { Answer, Step, StepResult, Turn } from '../../conversation/flow';
import { placeOf } from '../../panel/belgium';
import { localDate, formatDay } from '../../panel/time';
import { panelCalendar } from '../../panel/calendar';
import { ageOn, parseBirthDate, parseContact, parseName } from '../parse';
import { genderInWords } from '../words';
import { formatPhone } from '../../panel/phone';

/** The answers given so far, by field key (the registration dialogue's frame keeps them). */
export type AnswerValues = Record<string, string | undefined>;

export const answerValues = (turn: Turn): AnswerValues => ((turn.frame.data.answers ??= {}) as AnswerValues);

/** What a question's step needs from the dialogue around it. */
export interface QuestionContext {
  /**
   * The step is answered: on to the next question, or back to the summary when correcting.
   * skipFollowUps: the answer already covered the follow-up questions (gender in one's own words).
   */
  next(turn: Turn, from: string, skipFollowUps?: boolean): void;
  /** The answer makes the person ineligible (a birth date below the minimum age). */
  tooYoung(turn: Turn): void;
}

export interface Question {
  /** The step that asks the field `key`. */
  step(key: string, ctx: QuestionContext): Step;
  /** How the summary shows the answer; undefined: not shown (another field of its line shows it). Default: as typed. */
  show?(turn: Turn, key: string, value: string, answers: AnswerValues): string | undefined;
  /** The choices, for a field picked from a list (its values' type comes from here). */
  options?: readonly string[];
}

/** A name (first or last): letters, spaces, hyphens, apostrophes. */
export const name = (): Question => ({
  step: (key, ctx) => ({
    ask: (turn) => ({ text: turn.t(`registration:${key}.ask`) }),
    answer(turn, answer: Answer): StepResult {
      const parsed = parseName(answer.text);
      if (!parsed) return { error: `registration:${key}.invalid` };
      answerValues(turn)[key] = parsed;
      ctx.next(turn, key);
    },
  }),
});

/** One of a few options, as buttons (registration:<key>.options.<id>). */
export const choice = <const V extends string>(options: readonly V[]): Question & { options: readonly V[] } => ({
  options,
  step: (key, ctx) => ({
    ask: (turn) => ({
      text: turn.t(`registration:${key}.ask`),
      choices: options.map((id) => ({ id, label: turn.t(`registration:${key}.options.${id}`) })),
    }),
    answer(turn, answer) {
      answerValues(turn)[key] = answer.choiceId!;
      ctx.next(turn, key);
    },
  }),
  show: (turn, key, value) => turn.t(`registration:${key}.options.${value}`),
});

/** The panel's first day as it stands now (moves included): the reference for the minimum age. */
export function firstPanelDay(turn: Turn): string {
  return panelCalendar(turn.services.db, turn.services.config).firstDay();
}

/** A birth date: below the minimum age on the panel's first day ends the registration kindly. */
export const birthDate = (): Question => ({
  step: (key, ctx) => ({
    ask: (turn) => ({ text: turn.t(`registration:${key}.ask`) }),
    answer(turn, answer): StepResult {
      const parsed = parseBirthDate(answer.text);
      if ('error' in parsed) return { error: `registration:${key}.${parsed.error}` };
      const today = localDate(turn.now, turn.services.config.panel.timezone);
      if (parsed.ok > today || ageOn(parsed.ok, today) > 120) return { error: `registration:${key}.impossible` };
      const { minimumAge, guardianBelowAge } = turn.services.config.registration;
      const age = ageOn(parsed.ok, firstPanelDay(turn));
      if (age < minimumAge) return ctx.tooYoung(turn);
      answerValues(turn)[key] = parsed.ok;
      if (age < guardianBelowAge) turn.say(turn.t(`registration:${key}.minor`, { age: guardianBelowAge }));
      ctx.next(turn, key);
    },
  }),
  show: (turn, _key, value) => formatDay(String(value), turn.lang),
});

const SELF_DESCRIBED = 'self_described';

/**
 * An option, or one's own words (stored in the field `ownWords`, asked as a follow-up when the
 * option "in my own words" is picked). Words that clearly name an option are that option.
 */
export const genderOrOwnWords = <const V extends string>(options: readonly V[], ownWords: string): Question & { options: readonly V[] } => ({
  options,
  step: (key, ctx) => ({
    freeText: true,
    ask: (turn) => ({
      text: turn.t(`registration:${key}.ask`),
      choices: options.map((id) => ({ id, label: turn.t(`registration:${key}.options.${id}`) })),
    }),
    answer(turn, answer) {
      const a = answerValues(turn);
      if (answer.choiceId) {
        a[key] = answer.choiceId;
        if (a[key] !== SELF_DESCRIBED) delete a[ownWords];
        return ctx.next(turn, key);
      }
      // Words that clearly name an option ("je suis une femme", "vrouwelijk", "Man") are that option;
      // only a real description of one's own stays "in my own words".
      const option = genderInWords(answer.text);
      if (option) {
        a[key] = option;
        delete a[ownWords];
        return ctx.next(turn, key);
      }
      const words = parseFreeText(answer.text);
      if (!words) return { error: `registration:${key}.invalid` };
      a[key] = SELF_DESCRIBED;
      a[ownWords] = words;
      ctx.next(turn, key, true);
    },
  }),
  // In one's own words: the words are shown instead (by the follow-up field).
  show: (turn, key, value) => (value === SELF_DESCRIBED ? undefined : turn.t(`registration:${key}.options.${value}`)),
});

/** The follow-up of genderOrOwnWords: one's own words for the field `of` (its texts are of's). */
export const ownWords = (of: string): Question => ({
  step: (key, ctx) => ({
    ask: (turn) => ({ text: turn.t(`registration:${of}.describe`) }),
    answer(turn, answer) {
      const a = answerValues(turn);
      const option = genderInWords(answer.text);
      if (option) {
        a[of] = option;
        delete a[key];
        return ctx.next(turn, of);
      }
      const words = parseFreeText(answer.text);
      if (!words) return { error: `registration:${of}.invalid` };
      a[key] = words;
      ctx.next(turn, key);
    },
  }),
  show: (_turn, _key, value, answers) => (answers[of] === SELF_DESCRIBED ? value : undefined),
});

/** A Belgian postcode (B-1000, 1000), shown with its province. */
export const postcode = (): Question => ({
  step: (key, ctx) => ({
    ask: (turn) => ({ text: turn.t(`registration:${key}.ask`) }),
    answer(turn, answer) {
      const code = answer.text.replace(/\s/g, '').replace(/^B-?/i, '');
      if (!/^\d{4}$/.test(code)) return { error: `registration:${key}.invalid` };
      if (!placeOf(code)) return { error: `registration:${key}.unknown` };
      answerValues(turn)[key] = code;
      ctx.next(turn, key);
    },
  }),
  show: (turn, _key, value) => {
    const place = placeOf(value);
    return `${value}${place ? ` (${turn.t(`registration:provinces.${place.province}`)})` : ''}`;
  },
});

/** A phone number, an e-mail address or both, in one answer (stored in the fields `phone` and `email`). */
export const contact = (fields: { phone: string; email: string }): Question => ({
  // The phone grouped as people read it (+32 470 12 34 56), not as stored.
  show: (_turn, key, value) => (key === fields.phone ? formatPhone(value) : value),
  step: (key, ctx) => ({
    ask: (turn) => ({ text: turn.t(`registration:${key}.ask`) }),
    answer(turn, answer): StepResult {
      const parsed = parseContact(answer.text);
      if ('error' in parsed) return { error: `registration:${key}.${parsed.error}` };
      const a = answerValues(turn);
      a[fields.phone] = parsed.ok.phone;
      a[fields.email] = parsed.ok.email;
      if (!a[fields.phone]) delete a[fields.phone];
      if (!a[fields.email]) delete a[fields.email];
      ctx.next(turn, key);
    },
  }),
});

function parseFreeText(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length >= 1 && t.length <= 60 && /\p{L}/u.test(t) ? t : undefined;
}
