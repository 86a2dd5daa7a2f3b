// The needs dialogue: what would make taking part possible. Offered to a selected person right
// after they confirm (the participation flow pushes the flow id 'needs'), and at any time with the
// "my needs" command. Only what applies is asked, every question has a Skip choice, and each answer
// is written in the transaction of the message that gave it, so stopping half-way loses nothing.
// Coming back shows the answers and lets the person pick one to change; a change shortly before
// an event alerts the organisers (category only).
import type { Flow, Step, StepResult, Turn } from '../conversation/flow';
import type { Choice } from '../conversation/messages';
import { postcodeOf } from '../../db/repos/registrations';
import { hotelDistance, type HotelDistance } from '../panel/belgium-distance';
import { parseContact, parseName } from '../registration/parse';
import { CATEGORIES, CHILD_MAX_AGE, DIETS, LANGUAGE_SUPPORT, MAX_CHILDREN, MOBILITY, SENSES, TRAVEL, type Category } from './model';
import { isMinor } from './minor';
import { loadNeeds, markCompleted, saveNeeds, type NeedsPatch } from '../../db/repos/needs';
import { alertIfLate } from './late-change';
import { hasHotelNights, venueDays } from './days';
import { fieldLabel, longDay, shortDay, summaryText, type SummaryContext } from './summary';
import { daysInWords } from '../registration/words';

export const NEEDS_FLOW = 'needs';

const SKIP = 'skip';
const skipChoice = (turn: Turn): Choice => ({ id: SKIP, label: turn.t('common:skip') });
const n = (turn: Turn, key: string, params?: Record<string, unknown>) => turn.t(`needs:${key}`, params);

function distanceOf(turn: Turn): HotelDistance {
  const { db, config } = turn.services;
  return hotelDistance(postcodeOf(db, turn.person.id), config.venue.postcode, config.venue.hotelDistanceKm);
}

/** Whether a category is asked of this person at all. */
function applies(turn: Turn, category: Category): boolean {
  if (category !== 'hotel') return true;
  return hasHotelNights(turn.services.db, turn.services.config) && distanceOf(turn) !== 'near';
}

function context(turn: Turn): SummaryContext {
  const { db, config } = turn.services;
  return { minor: isMinor(db, config, turn.person.id), hotel: applies(turn, 'hotel'), allDays: venueDays(db, config).map((d) => d.day) };
}

function applicableCategories(turn: Turn): Category[] {
  return CATEGORIES.filter((c) => applies(turn, c));
}

/** The first question of a category, for this person. */
function startOf(turn: Turn, category: Category): string {
  switch (category) {
    case 'companion':
      return isMinor(turn.services.db, turn.services.config, turn.person.id) ? 'guardianName' : 'companion';
    case 'hotel':
      return distanceOf(turn) === 'far' ? 'hotel' : 'farAway';
    case 'children':
      return 'children';
    default:
      return category;
  }
}

/** Writes an answer; a change close to an event alerts the organisers. */
function save(turn: Turn, category: Category, patch: NeedsPatch): void {
  const { db, config } = turn.services;
  if (saveNeeds(db, turn.person.id, patch, turn.now)) alertIfLate(db, config, turn.person, category, turn.now);
}

/** A category is answered (or skipped): back to the review when changing, else the next question. */
/** Days typed in words ("samedi et dimanche", "all"): saved and said back in words. */
function saveTypedDays(turn: Turn, text: string): { error: string; params?: Record<string, unknown> } | void {
  const { db, config } = turn.services;
  const offered = venueDays(db, config).map((d) => d.day);
  const days = daysInWords(text, offered);
  if (!days) return { error: 'needs:children.daysInvalid' };
  save(turn, 'children', { childcareDays: days });
  delete turn.frame.data.pick;
  turn.say(n(turn, 'children.daysNoted', { days: days.map((day) => longDay(day, turn.lang)).join(', ') }));
  return done(turn, 'children');
}

function done(turn: Turn, category: Category): void {
  if (turn.frame.data.changing) {
    delete turn.frame.data.changing;
    turn.frame.data.changedSome = true;
    turn.say(n(turn, 'saved'));
    return turn.goto('review');
  }
  const rest = CATEGORIES.slice(CATEGORIES.indexOf(category) + 1).filter((c) => applies(turn, c));
  if (rest.length > 0) return turn.goto(startOf(turn, rest[0]!));
  finish(turn);
}

function leave(turn: Turn): void {
  turn.pop();
  // Back home, nothing more to ask; inside another dialogue, its question comes again.
  if (turn.frame.flow === 'home') turn.quiet();
}

function finish(turn: Turn): void {
  markCompleted(turn.services.db, turn.person.id, turn.now);
  const row = loadNeeds(turn.services.db, turn.person.id);
  turn.say(n(turn, 'done', { summary: summaryText(turn, row, applicableCategories(turn), context(turn)) }));
  leave(turn);
}

/** Own words: at least one letter, at most 300 characters. */
function ownWords(text: string): string | undefined {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length >= 1 && words.length <= 300 && /\p{L}/u.test(words) ? words : undefined;
}

/**
 * A question with a few options and Skip. With `ownWordsStep`, the option "other" (and, for the
 * diet, "allergy") asks for the person's own words, and words typed that match no option are kept
 * as "other".
 */
function optionStep(
  category: Category,
  key: string,
  ids: readonly string[],
  patchOf: (id: string, text?: string) => NeedsPatch,
  ownWordsStep?: { step: string; ids: readonly string[] },
): Step {
  return {
    freeText: ownWordsStep !== undefined,
    ask: (turn) => ({
      text: n(turn, `${key}.ask`),
      choices: [...ids.map((id) => ({ id, label: n(turn, `${key}.options.${id}`) })), skipChoice(turn)],
    }),
    answer(turn, answer): StepResult {
      if (answer.choiceId === SKIP) return done(turn, category);
      if (!answer.choiceId) {
        const words = ownWords(answer.text);
        if (!words) return { error: 'needs:ownWordsInvalid' };
        save(turn, category, patchOf('other', words));
        return done(turn, category);
      }
      save(turn, category, patchOf(answer.choiceId));
      if (ownWordsStep?.ids.includes(answer.choiceId)) return turn.goto(ownWordsStep.step);
      done(turn, category);
    },
  };
}

/** The own words after "allergy" or "other"; skipping keeps the option alone. */
function ownWordsStep(category: Category, key: string, patchOf: (text: string) => NeedsPatch): Step {
  return {
    freeText: true,
    keepsUrgentText: true,
    ask: (turn) => ({ text: n(turn, `${key}.ownWords`), choices: [skipChoice(turn)] }),
    answer(turn, answer): StepResult {
      if (answer.choiceId === SKIP) return done(turn, category);
      const words = ownWords(answer.text);
      if (!words) return { error: 'needs:ownWordsInvalid' };
      save(turn, category, patchOf(words));
      done(turn, category);
    },
  };
}

function yesNoSkip(turn: Turn): Choice[] {
  return [{ id: 'yes', label: turn.t('common:yes') }, { id: 'no', label: turn.t('common:no') }, skipChoice(turn)];
}

const steps: Record<string, Step> = {
  intro: {
    ask: (turn) => ({
      text: n(turn, 'intro'),
      choices: [
        { id: 'start', label: n(turn, 'start') },
        { id: 'later', label: n(turn, 'later') },
      ],
    }),
    answer(turn, answer) {
      if (answer.choiceId === 'later') {
        turn.say(n(turn, 'laterOk'));
        return leave(turn);
      }
      turn.goto('diet');
    },
  },

  diet: optionStep('diet', 'diet', DIETS, (id, text) => ({ diet: id, dietText: text ?? null }), { step: 'dietText', ids: ['allergy', 'other'] }),
  dietText: ownWordsStep('diet', 'diet', (text) => ({ dietText: text })),

  children: {
    ask: (turn) => ({ text: n(turn, 'children.ask'), choices: yesNoSkip(turn) }),
    answer(turn, answer) {
      if (answer.choiceId === SKIP) return done(turn, 'children');
      if (answer.choiceId === 'no') {
        save(turn, 'children', { children: 0, childAges: null, childcareDays: null });
        return done(turn, 'children');
      }
      turn.goto('childCount');
    },
  },

  childCount: {
    ask: (turn) => ({
      text: n(turn, 'children.count'),
      choices: [...Array.from({ length: MAX_CHILDREN }, (_, i) => ({ id: String(i + 1), label: String(i + 1) })), skipChoice(turn)],
    }),
    answer(turn, answer) {
      if (answer.choiceId === SKIP) return done(turn, 'children');
      // The ages are asked again: the old ones may belong to a different number of children.
      save(turn, 'children', { children: Number(answer.choiceId), childAges: [] });
      turn.frame.data.child = 0;
      turn.goto('childAge');
    },
  },

  childAge: {
    invalidChoiceKey: 'needs:children.ageInvalid',
    // A typed "3" is the age 3 (its label), never the third choice; "12" is no age we offer.
    byPosition: false,
    ask: (turn) => {
      const count = loadNeeds(turn.services.db, turn.person.id)?.children ?? 1;
      const which = Number(turn.frame.data.child ?? 0) + 1;
      return {
        text: count > 1 ? n(turn, 'children.ageOf', { n: which, count }) : n(turn, 'children.age'),
        choices: [
          ...Array.from({ length: CHILD_MAX_AGE }, (_, i) => ({ id: String(i + 1), label: String(i + 1) })),
          { id: '0', label: n(turn, 'children.baby') },
          skipChoice(turn),
        ],
      };
    },
    answer(turn, answer) {
      if (answer.choiceId === SKIP) return turn.goto('childDays');
      const row = loadNeeds(turn.services.db, turn.person.id);
      const ages = [...(row?.childAges ?? []), Number(answer.choiceId)];
      save(turn, 'children', { childAges: ages });
      turn.frame.data.child = ages.length;
      turn.goto(ages.length < (row?.children ?? 1) ? 'childAge' : 'childDays');
    },
  },

  childDays: {
    // "samedi", "zaterdag en zondag", "all": the days named are saved at once.
    freeText: true,
    ask: (turn) => ({
      text: n(turn, 'children.days'),
      choices: [
        { id: 'all', label: n(turn, 'children.allDays') },
        { id: 'some', label: n(turn, 'children.someDays') },
        skipChoice(turn),
      ],
    }),
    answer(turn, answer): StepResult {
      if (!answer.choiceId) return saveTypedDays(turn, answer.text) ?? undefined;
      if (answer.choiceId === SKIP) return done(turn, 'children');
      if (answer.choiceId === 'all') {
        save(turn, 'children', { childcareDays: venueDays(turn.services.db, turn.services.config).map((d) => d.day) });
        return done(turn, 'children');
      }
      turn.frame.data.pick = loadNeeds(turn.services.db, turn.person.id)?.childcareDays ?? [];
      turn.goto('childDayPick');
    },
  },

  // Each day is a switch: choosing it ticks or unticks it, "Done" saves the days ticked.
  childDayPick: {
    ask: (turn) => {
      const picked = new Set((turn.frame.data.pick as string[] | undefined) ?? []);
      const { config } = turn.services;
      const ticked = [...picked].sort().map((day) => longDay(day, turn.lang));
      return {
        // The ticked days in words, not only as ☑ (screen readers and plain text read words).
        text: `${n(turn, 'children.pickDays')}\n${ticked.length > 0 ? n(turn, 'children.ticked', { days: ticked.join(', ') }) : n(turn, 'children.noneTicked')}`,
        choices: [
          ...venueDays(turn.services.db, config).map(({ day, event }) => ({
            id: day,
            label: `${picked.has(day) ? '☑' : '☐'} ${shortDay(day, turn.lang)} (${event.title[turn.lang]})`,
          })),
          { id: 'done', label: n(turn, 'children.pickDone') },
          skipChoice(turn),
        ],
      };
    },
    freeText: true,
    answer(turn, answer): StepResult {
      if (!answer.choiceId) return saveTypedDays(turn, answer.text) ?? undefined;
      if (answer.choiceId === SKIP) return done(turn, 'children');
      const picked = new Set((turn.frame.data.pick as string[] | undefined) ?? []);
      if (answer.choiceId === 'done') {
        if (picked.size === 0) return { error: 'needs:children.noDay' };
        save(turn, 'children', { childcareDays: [...picked].sort() });
        delete turn.frame.data.pick;
        return done(turn, 'children');
      }
      const day = answer.choiceId!;
      if (picked.has(day)) picked.delete(day);
      else picked.add(day);
      turn.frame.data.pick = [...picked].sort();
      turn.goto('childDayPick');
    },
  },

  companion: {
    ask: (turn) => ({ text: n(turn, 'companion.ask'), choices: yesNoSkip(turn) }),
    answer(turn, answer) {
      if (answer.choiceId !== SKIP) save(turn, 'companion', { companion: answer.choiceId === 'yes' ? 'companion' : 'none', guardianName: null, guardianPhone: null });
      done(turn, 'companion');
    },
  },

  // A minor must come with a parent or guardian: asked, skippable, but reminded until given.
  guardianName: {
    freeText: true,
    ask: (turn) => ({ text: n(turn, 'guardian.name', { age: turn.services.config.registration.guardianBelowAge }), choices: [skipChoice(turn)] }),
    answer(turn, answer): StepResult {
      if (answer.choiceId === SKIP) {
        turn.say(n(turn, 'guardian.required'));
        return done(turn, 'companion');
      }
      const name = parseName(answer.text);
      if (!name) return { error: 'needs:guardian.nameInvalid' };
      save(turn, 'companion', { companion: 'guardian', guardianName: name });
      turn.goto('guardianPhone');
    },
  },

  guardianPhone: {
    freeText: true,
    ask: (turn) => ({ text: n(turn, 'guardian.phone'), choices: [skipChoice(turn)] }),
    answer(turn, answer): StepResult {
      if (answer.choiceId === SKIP) {
        turn.say(n(turn, 'guardian.required'));
        return done(turn, 'companion');
      }
      const parsed = parseContact(answer.text);
      if ('error' in parsed || !parsed.ok.phone) return { error: 'needs:guardian.phoneInvalid' };
      save(turn, 'companion', { guardianPhone: parsed.ok.phone });
      done(turn, 'companion');
    },
  },

  mobility: optionStep('mobility', 'mobility', MOBILITY, (id) => ({ mobility: id })),
  senses: optionStep('senses', 'senses', SENSES, (id, text) => ({ senses: id, sensesText: text ?? null }), { step: 'sensesText', ids: ['other'] }),
  sensesText: ownWordsStep('senses', 'senses', (text) => ({ sensesText: text })),
  language: optionStep('language', 'language', LANGUAGE_SUPPORT, (id, text) => ({ languageSupport: id, languageText: text ?? null }), {
    step: 'languageText',
    ids: ['other'],
  }),
  languageText: ownWordsStep('language', 'language', (text) => ({ languageText: text })),
  travel: optionStep('travel', 'travel', TRAVEL, (id) => ({ travel: id })),

  // Only when the postcode cannot tell whether the person lives beyond the hotel distance.
  farAway: {
    ask: (turn) => ({
      text: n(turn, 'hotel.farAway', { km: turn.services.config.venue.hotelDistanceKm, venue: turn.services.config.venue.name[turn.lang] }),
      choices: yesNoSkip(turn),
    }),
    answer(turn, answer) {
      if (answer.choiceId === SKIP) return done(turn, 'hotel');
      if (answer.choiceId === 'no') {
        save(turn, 'hotel', { farAway: false, hotel: null });
        return done(turn, 'hotel');
      }
      save(turn, 'hotel', { farAway: true });
      turn.goto('hotel');
    },
  },

  hotel: {
    ask: (turn) => ({ text: n(turn, 'hotel.ask', { km: turn.services.config.venue.hotelDistanceKm }), choices: yesNoSkip(turn) }),
    answer(turn, answer) {
      if (answer.choiceId !== SKIP) save(turn, 'hotel', { hotel: answer.choiceId === 'yes' });
      done(turn, 'hotel');
    },
  },

  other: {
    freeText: true,
    keepsUrgentText: true,
    ask: (turn) => ({
      text: n(turn, 'other.ask'),
      choices: [{ id: 'nothing', label: n(turn, 'other.nothing') }, skipChoice(turn)],
    }),
    answer(turn, answer): StepResult {
      if (answer.choiceId === 'nothing') save(turn, 'other', { otherText: null });
      else if (answer.choiceId !== SKIP) {
        const words = ownWords(answer.text);
        if (!words) return { error: 'needs:ownWordsInvalid' };
        save(turn, 'other', { otherText: words });
      }
      done(turn, 'other');
    },
  },

  // Coming back: the answers so far, and which one to change.
  review: {
    ask: (turn) => {
      const ctx = context(turn);
      const categories = applicableCategories(turn);
      const row = loadNeeds(turn.services.db, turn.person.id);
      return {
        text: `${n(turn, 'review.title')}\n${summaryText(turn, row, categories, ctx)}\n\n${n(turn, 'review.ask')}`,
        choices: [...categories.map((c) => ({ id: c, label: fieldLabel(turn, c, ctx) })), { id: 'nothing', label: n(turn, 'review.nothing') }],
      };
    },
    answer(turn, answer) {
      if (answer.choiceId === 'nothing') {
        // "Nothing changed" would be untrue after a change made in this visit.
        turn.say(n(turn, turn.frame.data.changedSome ? 'review.keptChanges' : 'review.kept'));
        return leave(turn);
      }
      turn.frame.data.changing = true;
      turn.goto(startOf(turn, answer.choiceId as Category));
    },
  },
};

export const needsFlow: Flow = {
  id: NEEDS_FLOW,
  firstStep: 'intro',
  steps,
  // Someone who already told us something starts from what they told.
  begin: (turn) => (loadNeeds(turn.services.db, turn.person.id) ? 'review' : 'intro'),
};
