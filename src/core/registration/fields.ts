// Every field a registration stores, declared once: whether it is an answer the person gives (and
// its question, its summary line, the step that asks it again for a correction), whether it is
// derived from another (the province from the postcode), the draw feature it feeds, and what happens
// to it when a correction makes the person ineligible and when they are erased. The registration
// dialogue's order of questions, the summary, "correct", "my data", the completion (the row the
// store inserts), the ineligible row and erasure all read this list.
//
// Adding a field: one entry here (its key is the registrations column, in camelCase; its question
// one of the kinds in ./dialogue/questions.ts), its column in src/db/schema/registration.ts plus a
// migration (`npx drizzle-kit generate --name what`), and its texts in locales/<lng>/registration.json
// for the four languages (<key>.ask, <key>.invalid or <key>.options.*, summary.fields.<line>).
import type { Feature } from '../selection/features';
import { placeOf } from '../panel/belgium';
import { birthDate, choice, contact, genderOrOwnWords, name, ownWords, postcode, type AnswerValues, type Question } from './dialogue/questions';

export const EDUCATION_LEVELS = ['none', 'primary', 'lower_secondary', 'upper_secondary', 'higher_non_university', 'university', 'other'] as const;
export const GENDERS = ['woman', 'man', 'non_binary', 'self_described'] as const;
export const NATIONALITIES = ['belgian', 'eu', 'non_eu'] as const;

export interface RegistrationField {
  /** The registrations column (camelCase), and for an answer its key in RegistrationAnswers. */
  key: string;
  /** An answer the person types or picks (not derived from another). */
  answer: boolean;
  /** May stay empty: an answer given only in some cases (the own-words gender, phone or email). */
  optional?: boolean;
  /** The question that asks it (a kind from ./dialogue/questions.ts); none: asked with another field's question. */
  question?: Question;
  /** The dialogue step that asks it, when not its key (phone and email are both asked by "contact"). */
  step?: string;
  /**
   * When it is asked: after the consent (who you are, what the draw needs; the default) or after the
   * eligibility questions and availability (how to reach you). Within each, in this list's order.
   */
  askedAfter?: 'consent' | 'availability';
  /** A follow-up, asked only when the answers so far call for it (and not on its own in a correction). */
  askedWhen?: (answers: AnswerValues) => boolean;
  /** The summary line that shows it (phone and email share "contact"). */
  summary?: string;
  /** The step that asks it again when the person corrects it from the summary; none: not on its own. */
  correctStep?: string;
  /** For a field derived from the answers: its value (written with them at confirmation and correction). */
  derive?: (answers: AnswerValues) => string | boolean | undefined;
  /** The draw feature it feeds (age comes from the birth date). */
  feature?: Feature;
  /** Kept when a correction makes the person ineligible (what anonymous statistics need). */
  keptWhenIneligible: boolean;
  /** Kept after erasure and retention, for anonymous statistics; everything else is emptied. */
  keptWhenErased: boolean;
}

const placeOfAnswers = (a: AnswerValues) => placeOf(a.postcode ?? '');

export const REGISTRATION_FIELDS = [
  { key: 'firstName', answer: true, question: name(), summary: 'firstName', correctStep: 'firstName', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'lastName', answer: true, question: name(), summary: 'lastName', correctStep: 'lastName', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'birthDate', answer: true, question: birthDate(), summary: 'birthDate', correctStep: 'birthDate', feature: 'age', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'gender', answer: true, question: genderOrOwnWords(GENDERS, 'genderText'), summary: 'gender', correctStep: 'gender', feature: 'gender', keptWhenIneligible: true, keptWhenErased: true },
  { key: 'genderText', answer: true, optional: true, question: ownWords('gender'), askedWhen: (a) => a.gender === 'self_described', summary: 'gender', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'postcode', answer: true, question: postcode(), summary: 'postcode', correctStep: 'postcode', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'province', answer: false, derive: (a) => placeOfAnswers(a)?.province, keptWhenIneligible: true, keptWhenErased: false },
  { key: 'region', answer: false, derive: (a) => placeOfAnswers(a)?.region, feature: 'region', keptWhenIneligible: true, keptWhenErased: true },
  { key: 'germanCommunity', answer: false, derive: (a) => placeOfAnswers(a)?.germanCommunity ?? false, keptWhenIneligible: true, keptWhenErased: false },
  { key: 'education', answer: true, question: choice(EDUCATION_LEVELS), summary: 'education', correctStep: 'education', feature: 'education', keptWhenIneligible: true, keptWhenErased: true },
  { key: 'nationality', answer: true, question: choice(NATIONALITIES), summary: 'nationality', correctStep: 'nationality', keptWhenIneligible: true, keptWhenErased: false },
  { key: 'euVote', answer: true, question: choice(['yes', 'no', 'unsure']), summary: 'euVote', correctStep: 'euVote', keptWhenIneligible: true, keptWhenErased: false },
  { key: 'phone', answer: true, optional: true, question: contact({ phone: 'phone', email: 'email' }), step: 'contact', askedAfter: 'availability', summary: 'contact', correctStep: 'contact', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'email', answer: true, optional: true, step: 'contact', askedAfter: 'availability', summary: 'contact', correctStep: 'contact', keptWhenIneligible: false, keptWhenErased: false },
] as const satisfies readonly RegistrationField[];

/** The same list, each entry seen as a RegistrationField (the constant above keeps the literal types). */
const FIELDS: readonly RegistrationField[] = REGISTRATION_FIELDS;

type DeclaredField = (typeof REGISTRATION_FIELDS)[number];
type ValueOf<F> = F extends { question: { options: readonly (infer V)[] } } ? V : string;

/** The answers a person gives, by field: a picked field holds one of its options. */
export type RegistrationAnswers = { [F in Extract<DeclaredField, { answer: true }> as F['key']]?: ValueOf<F> };

/** The dialogue step that asks a field. */
export const stepOf = (f: RegistrationField): string => f.step ?? f.key;

/** The steps that ask the fields asked after `moment`, in the list's order (one per step). */
export function questionSteps(moment: 'consent' | 'availability'): string[] {
  return [...new Set(FIELDS.filter((f) => f.question && (f.askedAfter ?? 'consent') === moment).map(stepOf))];
}

/** The follow-up steps, each with when it is asked. */
export const FOLLOW_UPS: ReadonlyMap<string, (answers: AnswerValues) => boolean> = new Map(
  FIELDS.flatMap((f) => (f.askedWhen ? [[stepOf(f), f.askedWhen] as const] : [])),
);

/** The answers a person can correct from the summary: the step that asks each, in the list's order. */
export const CORRECTABLE: readonly string[] = [
  ...new Set(FIELDS.flatMap((f) => (f.correctStep ? [f.correctStep] : []))),
];

/** The summary's lines, in the list's order, each with the fields it shows. */
export const SUMMARY_LINES: ReadonlyMap<string, readonly RegistrationField[]> = (() => {
  const lines = new Map<string, RegistrationField[]>();
  for (const f of FIELDS) {
    if (f.summary) lines.set(f.summary, [...(lines.get(f.summary) ?? []), f]);
  }
  return lines;
})();

const answerFields = () => FIELDS.filter((f) => f.answer);

/** The answers as stored on a registration row ("my data", "correct"): empty columns left out. */
export function answersFromRow(row: Record<string, unknown>): RegistrationAnswers {
  const answers: Record<string, unknown> = {};
  for (const { key } of answerFields()) {
    const value = row[key];
    if (value !== null && value !== undefined) answers[key] = value;
  }
  return answers as RegistrationAnswers;
}

/** The answers as columns: an optional answer not given is written empty (a correction clears it). */
export function answerColumns(answers: RegistrationAnswers): Record<string, string | null | undefined> {
  const a = answers as AnswerValues;
  return Object.fromEntries(answerFields().map((f) => [f.key, a[f.key] ?? (f.optional ? null : undefined)]));
}

/** Every column the answers fill: the answers (as answerColumns) and the fields derived from them. */
export function registrationColumns(answers: RegistrationAnswers): Record<string, string | boolean | null | undefined> {
  const a = answers as AnswerValues;
  const derived = FIELDS.flatMap((f) => (f.derive ? [[f.key, f.derive(a)] as const] : []));
  return { ...answerColumns(answers), ...Object.fromEntries(derived) };
}

/** The columns emptied when a correction makes the person ineligible. */
export const CLEARED_WHEN_INELIGIBLE = FIELDS.filter((f) => !f.keptWhenIneligible).map((f) => f.key);

/** The columns emptied on erasure and at the end of retention. */
export const ERASED_COLUMNS = FIELDS.filter((f) => !f.keptWhenErased).map((f) => f.key);
