// The registration dialogue: code → what the panel is → consent → who you are → what the draw
// needs → exclusions → availability → contact → summary (any answer can be corrected) → done.
// Answers live in the conversation frame until the summary is confirmed; then one transaction
// writes the registration. Nothing is half-written.
import type { Flow, FrameData, Step, Turn } from '../../conversation/flow';
import type { Choice } from '../../conversation/messages';
import { formatDate, localDate, formatDay } from '../../panel/time';
import { panelCalendar } from '../../panel/calendar';
import { CORRECTABLE, FOLLOW_UPS, questionSteps, REGISTRATION_FIELDS, stepOf, SUMMARY_LINES, type RegistrationAnswers, type RegistrationField } from '../fields';
import { answerValues, type AnswerValues, type QuestionContext } from './questions';
import { applyCode, codeStep } from './code';
import { completeRegistration, endIneligible, type IneligibleReason } from './complete';

export const EXCLUSIONS = ['office', 'party', 'diplomat', 'organiser'] as const;

/**
 * The order of the questions: the fields' questions come from the list of fields (../fields.ts),
 * in its order, around the steps that are the dialogue's own. Corrections from the summary come
 * back to the summary.
 */
export const ORDER: readonly string[] = [
  'code',
  'about',
  'consent',
  ...questionSteps('consent'),
  'exclOffice',
  'exclParty',
  'exclDiplomat',
  'exclOrganiser',
  'availability',
  ...questionSteps('availability'),
  'summary',
];

export const answersOf = (turn: Turn): RegistrationAnswers => answerValues(turn) as RegistrationAnswers;

const yesNo = (turn: Turn): Choice[] => [
  { id: 'yes', label: turn.t('common:yes') },
  { id: 'no', label: turn.t('common:no') },
];

/**
 * On to the next question after `from`: a follow-up is asked only when the answers call for it
 * (the own words after "in my own words"), also in a correction; otherwise a correction goes back
 * to the summary.
 */
function next(turn: Turn, from: string, skipFollowUps = false): void {
  const answers = answerValues(turn);
  let i = ORDER.indexOf(from) + 1;
  for (let asked = FOLLOW_UPS.get(ORDER[i]!); asked && (skipFollowUps || !asked(answers)); asked = FOLLOW_UPS.get(ORDER[i]!)) i++;
  const to = ORDER[i]!;
  if (turn.frame.data.correcting && !FOLLOW_UPS.has(to)) {
    delete turn.frame.data.correcting;
    return turn.goto('summary');
  }
  turn.goto(to);
}

/**
 * An answer that ends the registration is confirmed first: one wrong tap on "yes" (a political
 * mandate) or a typo in a birth year must not lock a person out of the draw. "No" asks again.
 */
function endUnlessMistaken(turn: Turn, reason: IneligibleReason): void {
  turn.frame.data.pendingEnd = { reason, step: turn.frame.step };
  turn.goto('confirmEnd');
}

const questionContext: QuestionContext = { next, tooYoung: (turn) => endUnlessMistaken(turn, 'too_young') };

/** The steps that ask the fields, each built from its field's question. */
const fieldSteps: Record<string, Step> = Object.fromEntries(
  (REGISTRATION_FIELDS as readonly RegistrationField[]).flatMap((f) => (f.question ? [[stepOf(f), f.question.step(stepOf(f), questionContext)] as const] : [])),
);

/** The panel's dates, one line each, in the person's language. */
export function eventLines(turn: Turn): string {
  const calendar = panelCalendar(turn.services.db, turn.services.config);
  const tz = calendar.timeZone;
  return calendar
    .chronological()
    .map((e) => {
      const start = formatDate(e.startAt, turn.lang, tz);
      const sameDay = localDate(e.startAt, tz) === localDate(e.endAt, tz);
      const when = sameDay ? start : `${start} – ${formatDate(e.endAt, turn.lang, tz)}`;
      return `• ${when}: ${e.title[turn.lang]}`;
    })
    .join('\n');
}

function exclusionStep(which: (typeof EXCLUSIONS)[number], from: string): Step {
  return {
    ask: (turn) => ({ text: turn.t(`registration:exclusion.${which}`), choices: yesNo(turn) }),
    answer(turn, answer) {
      if (answer.choiceId === 'yes') return endUnlessMistaken(turn, `excluded_${which}`);
      next(turn, from);
    },
  };
}

const steps: Record<string, Step> = {
  // After a new code from the team (the first one was confirmed by someone else), the answers are kept.
  code: codeStep((turn) => turn.goto(turn.frame.data.consentAt && Object.keys(answersOf(turn)).length > 0 ? 'summary' : 'about')),

  about: {
    ask: (turn) => {
      const { config } = turn.services;
      return {
        text: turn.t('registration:about', {
          panel: config.panel.name[turn.lang],
          size: config.draw.panelSize,
          dates: eventLines(turn),
          amount: config.compensation.amount,
          currency: config.compensation.currency === 'EUR' ? '€' : config.compensation.currency,
          drawDate: formatDay(config.registration.drawDate, turn.lang),
        }),
        choices: [{ id: 'continue', label: turn.t('common:continue') }],
      };
    },
    answer: (turn) => next(turn, 'about'),
  },

  consent: {
    ask: (turn) => ({ text: turn.t('registration:consent.ask'), choices: yesNo(turn) }),
    answer(turn, answer) {
      if (answer.choiceId === 'no') return declineConsent(turn);
      turn.frame.data.consentAt = turn.now.getTime();
      next(turn, 'consent');
    },
  },

  ...fieldSteps,

  exclOffice: exclusionStep('office', 'exclOffice'),
  exclParty: exclusionStep('party', 'exclParty'),
  exclDiplomat: exclusionStep('diplomat', 'exclDiplomat'),
  exclOrganiser: exclusionStep('organiser', 'exclOrganiser'),

  availability: {
    ask: (turn) => ({ text: turn.t('registration:availability.ask', { dates: eventLines(turn) }), choices: yesNo(turn) }),
    answer(turn, answer) {
      if (answer.choiceId === 'no') return endUnlessMistaken(turn, 'unavailable');
      next(turn, 'availability');
    },
  },

  confirmEnd: {
    ask: (turn) => ({
      text: turn.t('registration:confirmEnd.ask'),
      choices: [
        { id: 'yes', label: turn.t('registration:confirmEnd.yes') },
        { id: 'no', label: turn.t('registration:confirmEnd.no') },
      ],
    }),
    answer(turn, answer) {
      const pending = turn.frame.data.pendingEnd as { reason: IneligibleReason; step: string } | undefined;
      delete turn.frame.data.pendingEnd;
      if (!pending) return turn.goto('summary');
      if (answer.choiceId === 'yes') return endIneligible(turn, pending.reason);
      turn.goto(pending.step);
    },
  },

  summary: {
    ask: (turn) => ({
      text: `${turn.t('registration:summary.title')}\n${summaryLines(turn)}\n\n${turn.t('registration:summary.ask')}`,
      choices: [
        { id: 'confirm', label: turn.t('registration:summary.confirm') },
        { id: 'change', label: turn.t('registration:summary.change') },
      ],
    }),
    answer(turn, answer) {
      if (answer.choiceId === 'change') return turn.goto('pickCorrection');
      completeRegistration(turn);
    },
  },

  pickCorrection: {
    ask: (turn) => ({
      text: turn.t('registration:summary.pick'),
      choices: CORRECTABLE.map((id) => ({ id, label: turn.t(`registration:summary.fields.${id}`) })),
    }),
    answer(turn, answer) {
      turn.frame.data.correcting = true;
      turn.goto(answer.choiceId!);
    },
  },
};

function declineConsent(turn: Turn): void {
  // Nothing personal has been asked yet; the code goes back to the pool.
  endIneligible(turn, 'no_consent');
}

/** The summary's lines as the list of fields declares them: each line shows its fields' answers. */
export function summaryLines(turn: Turn, a: RegistrationAnswers = answersOf(turn)): string {
  const answers = a as AnswerValues;
  const lines = [...SUMMARY_LINES].map(([line, fields]) => {
    const shown = fields.flatMap((f) => {
      const value = answers[f.key];
      if (value === undefined || value === null || value === '') return [];
      const text = f.question?.show ? f.question.show(turn, f.key, value, answers) : value;
      return text ? [text] : [];
    });
    return `• ${turn.t(`registration:summary.fields.${line}`)}: ${shown.join(', ')}`;
  });
  return lines.join('\n');
}

export const registrationFlow: Flow & { onStart(turn: Turn, payload?: string): boolean } = {
  id: 'registration',
  firstStep: 'code',
  steps,
  begin(turn: Turn, data: FrameData): string {
    if (typeof data.code === 'string') return 'about';
    if (typeof data.startCode === 'string') {
      const code = data.startCode;
      delete data.startCode;
      // The frame is not on the stack yet: applyCode writes into the data given.
      if (applyCode(turn, code, data, true)) return 'about';
    }
    return 'code';
  },
  onStart(turn, payload) {
    // A deep link while the code is still asked: use its code.
    if (turn.frame.step === 'code' && payload) {
      if (applyCode(turn, payload, turn.frame.data, true)) turn.goto('about');
      else turn.goto('code');
      return true;
    }
    return false;
  },
};
