// The registration dialogue: code → what the panel is → consent → who you are → what the draw
// needs → exclusions → availability → contact → summary (any answer can be corrected) → done.
// Answers live in the conversation frame until the summary is confirmed; then one transaction
// writes the registration. Nothing is half-written.
import type { Answer, Flow, FrameData, Step, StepResult, Turn } from '../../conversation/flow';
import type { Choice } from '../../conversation/messages';
import { placeOf } from '../../panel/belgium';
import { formatDate, localDate } from '../../panel/time';
import { panelCalendar } from '../../panel/calendar';
import { ageOn, parseBirthDate, parseContact, parseName } from '../parse';
import { genderInWords } from '../words';
import { applyCode, codeStep } from './code';
import { completeRegistration, endIneligible } from './complete';

export const EDUCATION_LEVELS = ['none', 'primary', 'lower_secondary', 'upper_secondary', 'higher_non_university', 'university', 'other'] as const;
export const GENDERS = ['woman', 'man', 'non_binary', 'self_described'] as const;
export const NATIONALITIES = ['belgian', 'eu', 'non_eu'] as const;
export const EXCLUSIONS = ['office', 'party', 'diplomat', 'organiser'] as const;

/** The order of the questions. Corrections from the summary come back to the summary. */
const ORDER = [
  'code',
  'about',
  'consent',
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'genderText',
  'postcode',
  'education',
  'nationality',
  'euVote',
  'exclOffice',
  'exclParty',
  'exclDiplomat',
  'exclOrganiser',
  'availability',
  'contact',
  'summary',
] as const;

/** The answers a person can correct from the summary, and the step that asks each. */
export const CORRECTABLE = ['firstName', 'lastName', 'birthDate', 'gender', 'postcode', 'education', 'nationality', 'euVote', 'contact'] as const;

export interface RegistrationAnswers {
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  gender?: (typeof GENDERS)[number];
  genderText?: string;
  postcode?: string;
  education?: (typeof EDUCATION_LEVELS)[number];
  nationality?: (typeof NATIONALITIES)[number];
  euVote?: 'yes' | 'no' | 'unsure';
  phone?: string;
  email?: string;
}

export const answersOf = (turn: Turn): RegistrationAnswers => ((turn.frame.data.answers ??= {}) as RegistrationAnswers);

const yesNo = (turn: Turn): Choice[] => [
  { id: 'yes', label: turn.t('common:yes') },
  { id: 'no', label: turn.t('common:no') },
];

function next(turn: Turn, from: (typeof ORDER)[number]): void {
  if (turn.frame.data.correcting && from !== 'gender') {
    delete turn.frame.data.correcting;
    turn.goto('summary');
    return;
  }
  if (from === 'gender' && answersOf(turn).gender !== 'self_described') {
    if (turn.frame.data.correcting) {
      delete turn.frame.data.correcting;
      return turn.goto('summary');
    }
    return turn.goto('postcode');
  }
  turn.goto(ORDER[ORDER.indexOf(from) + 1]!);
}

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

export function firstPanelDay(turn: Turn): string {
  return panelCalendar(turn.services.db, turn.services.config).firstDay();
}

function choiceStep(key: string, ids: readonly string[], save: (turn: Turn, id: string) => void, from: (typeof ORDER)[number]): Step {
  return {
    ask: (turn) => ({
      text: turn.t(`registration:${key}.ask`),
      choices: ids.map((id) => ({ id, label: turn.t(`registration:${key}.options.${id}`) })),
    }),
    answer(turn, answer) {
      save(turn, answer.choiceId!);
      next(turn, from);
    },
  };
}

function exclusionStep(which: (typeof EXCLUSIONS)[number], from: (typeof ORDER)[number]): Step {
  return {
    ask: (turn) => ({ text: turn.t(`registration:exclusion.${which}`), choices: yesNo(turn) }),
    answer(turn, answer) {
      if (answer.choiceId === 'yes') return endIneligible(turn, `excluded_${which}`);
      next(turn, from);
    },
  };
}

const steps: Record<string, Step> = {
  // After a new code from the team (the first one was confirmed by someone else), the answers are kept.
  code: codeStep((turn) => turn.goto(turn.frame.data.consentAt && answersOf(turn).firstName !== undefined ? 'summary' : 'about')),

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
          drawDate: formatDate(new Date(`${config.registration.drawDate}T12:00:00Z`), turn.lang, config.panel.timezone),
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

  firstName: nameStep('firstName'),
  lastName: nameStep('lastName'),

  birthDate: {
    ask: (turn) => ({ text: turn.t('registration:birthDate.ask') }),
    answer(turn, answer): StepResult {
      const parsed = parseBirthDate(answer.text);
      if ('error' in parsed) return { error: `registration:birthDate.${parsed.error}` };
      const today = localDate(turn.now, turn.services.config.panel.timezone);
      if (parsed.ok > today || ageOn(parsed.ok, today) > 120) return { error: 'registration:birthDate.impossible' };
      const { minimumAge, guardianBelowAge } = turn.services.config.registration;
      const age = ageOn(parsed.ok, firstPanelDay(turn));
      if (age < minimumAge) return endIneligible(turn, 'too_young');
      answersOf(turn).birthDate = parsed.ok;
      if (age < guardianBelowAge) turn.say(turn.t('registration:birthDate.minor', { age: guardianBelowAge }));
      next(turn, 'birthDate');
    },
  },

  gender: {
    freeText: true,
    ask: (turn) => ({
      text: turn.t('registration:gender.ask'),
      choices: GENDERS.map((id) => ({ id, label: turn.t(`registration:gender.options.${id}`) })),
    }),
    answer(turn, answer) {
      const a = answersOf(turn);
      if (answer.choiceId) {
        a.gender = answer.choiceId as RegistrationAnswers['gender'];
        if (a.gender !== 'self_described') delete a.genderText;
        return next(turn, 'gender');
      }
      // Words that clearly name an option ("je suis une femme", "vrouwelijk", "Man") are that option;
      // only a real description of one's own stays "in my own words".
      const option = genderInWords(answer.text);
      if (option) {
        a.gender = option;
        delete a.genderText;
        return next(turn, 'gender');
      }
      const words = parseFreeText(answer.text);
      if (!words) return { error: 'registration:gender.invalid' };
      a.gender = 'self_described';
      a.genderText = words;
      turn.frame.data.correcting ? (delete turn.frame.data.correcting, turn.goto('summary')) : turn.goto('postcode');
    },
  },

  genderText: {
    ask: (turn) => ({ text: turn.t('registration:gender.describe') }),
    answer(turn, answer) {
      const option = genderInWords(answer.text);
      if (option) {
        answersOf(turn).gender = option;
        delete answersOf(turn).genderText;
        return next(turn, 'gender');
      }
      const words = parseFreeText(answer.text);
      if (!words) return { error: 'registration:gender.invalid' };
      answersOf(turn).genderText = words;
      next(turn, 'genderText');
    },
  },

  postcode: {
    ask: (turn) => ({ text: turn.t('registration:postcode.ask') }),
    answer(turn, answer) {
      const code = answer.text.replace(/\s/g, '').replace(/^B-?/i, '');
      if (!/^\d{4}$/.test(code)) return { error: 'registration:postcode.invalid' };
      if (!placeOf(code)) return { error: 'registration:postcode.unknown' };
      answersOf(turn).postcode = code;
      next(turn, 'postcode');
    },
  },

  education: choiceStep('education', EDUCATION_LEVELS, (turn, id) => (answersOf(turn).education = id as RegistrationAnswers['education']), 'education'),
  nationality: choiceStep('nationality', NATIONALITIES, (turn, id) => (answersOf(turn).nationality = id as RegistrationAnswers['nationality']), 'nationality'),
  euVote: choiceStep('euVote', ['yes', 'no', 'unsure'], (turn, id) => (answersOf(turn).euVote = id as RegistrationAnswers['euVote']), 'euVote'),

  exclOffice: exclusionStep('office', 'exclOffice'),
  exclParty: exclusionStep('party', 'exclParty'),
  exclDiplomat: exclusionStep('diplomat', 'exclDiplomat'),
  exclOrganiser: exclusionStep('organiser', 'exclOrganiser'),

  availability: {
    ask: (turn) => ({ text: turn.t('registration:availability.ask', { dates: eventLines(turn) }), choices: yesNo(turn) }),
    answer(turn, answer) {
      if (answer.choiceId === 'no') return endIneligible(turn, 'unavailable');
      next(turn, 'availability');
    },
  },

  contact: {
    ask: (turn) => ({ text: turn.t('registration:contact.ask') }),
    answer(turn, answer): StepResult {
      const parsed = parseContact(answer.text);
      if ('error' in parsed) return { error: `registration:contact.${parsed.error}` };
      const a = answersOf(turn);
      a.phone = parsed.ok.phone;
      a.email = parsed.ok.email;
      if (!a.phone) delete a.phone;
      if (!a.email) delete a.email;
      next(turn, 'contact');
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

function nameStep(field: 'firstName' | 'lastName'): Step {
  return {
    ask: (turn) => ({ text: turn.t(`registration:${field}.ask`) }),
    answer(turn, answer: Answer): StepResult {
      const name = parseName(answer.text);
      if (!name) return { error: `registration:${field}.invalid` };
      answersOf(turn)[field] = name;
      next(turn, field);
    },
  };
}

function parseFreeText(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length >= 1 && t.length <= 60 && /\p{L}/u.test(t) ? t : undefined;
}

function declineConsent(turn: Turn): void {
  // Nothing personal has been asked yet; the code goes back to the pool.
  endIneligible(turn, 'no_consent');
}

export function summaryLines(turn: Turn, a: RegistrationAnswers = answersOf(turn)): string {
  const { config } = turn.services;
  const label = (key: string) => turn.t(`registration:summary.fields.${key}`);
  const gender = a.gender === 'self_described' ? (a.genderText ?? '') : a.gender ? turn.t(`registration:gender.options.${a.gender}`) : '';
  const place = a.postcode ? placeOf(a.postcode) : undefined;
  const contact = [a.phone, a.email].filter(Boolean).join(', ');
  const lines: Array<[string, string]> = [
    ['firstName', a.firstName ?? ''],
    ['lastName', a.lastName ?? ''],
    ['birthDate', a.birthDate ? formatDate(new Date(`${a.birthDate}T12:00:00Z`), turn.lang, config.panel.timezone) : ''],
    ['gender', gender],
    ['postcode', a.postcode ? `${a.postcode}${place ? ` (${turn.t(`registration:provinces.${place.province}`)})` : ''}` : ''],
    ['education', a.education ? turn.t(`registration:education.options.${a.education}`) : ''],
    ['nationality', a.nationality ? turn.t(`registration:nationality.options.${a.nationality}`) : ''],
    ['euVote', a.euVote ? turn.t(`registration:euVote.options.${a.euVote}`) : ''],
    ['contact', contact],
  ];
  return lines.map(([key, value]) => `• ${label(key)}: ${value}`).join('\n');
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
