// Every field a registration stores, declared once: whether it is an answer the person gives (and
// its summary line and the step that asks it again for a correction), whether it is derived from
// another (the province from the postcode), the draw feature it feeds, and what happens to it when
// a correction makes the person ineligible and when they are erased. "My data", "correct", the
// completion, the ineligible row and erasure all read this list.
//
// Adding a field: one entry here (its key is the registrations column, in camelCase), its column in
// src/db/schema/registration.ts plus a migration (`npx drizzle-kit generate --name what`), its
// question as a step of the registration dialogue (with its parser), and its texts in
// locales/<lng>/registration.json for the four languages (question, summary.fields.<line>).
import type { RegistrationAnswers } from './dialogue/index';
import type { Feature } from '../selection/features';

export interface RegistrationField {
  /** The registrations column (camelCase), and for an answer its key in RegistrationAnswers. */
  key: string;
  /** An answer the person types or picks (not derived from another). */
  answer: boolean;
  /** May stay empty: an answer given only in some cases (the own-words gender, phone or email). */
  optional?: boolean;
  /** The summary line that shows it (phone and email share "contact"). */
  summary?: string;
  /** The step that asks it again when the person corrects it from the summary; none: not on its own. */
  correctStep?: string;
  /** The draw feature it feeds (age comes from the birth date). */
  feature?: Feature;
  /** Kept when a correction makes the person ineligible (what anonymous statistics need). */
  keptWhenIneligible: boolean;
  /** Kept after erasure and retention, for anonymous statistics; everything else is emptied. */
  keptWhenErased: boolean;
}

export const REGISTRATION_FIELDS: readonly RegistrationField[] = [
  { key: 'firstName', answer: true, summary: 'firstName', correctStep: 'firstName', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'lastName', answer: true, summary: 'lastName', correctStep: 'lastName', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'birthDate', answer: true, summary: 'birthDate', correctStep: 'birthDate', feature: 'age', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'gender', answer: true, summary: 'gender', correctStep: 'gender', feature: 'gender', keptWhenIneligible: true, keptWhenErased: true },
  { key: 'genderText', answer: true, optional: true, summary: 'gender', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'postcode', answer: true, summary: 'postcode', correctStep: 'postcode', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'province', answer: false, keptWhenIneligible: true, keptWhenErased: false },
  { key: 'region', answer: false, feature: 'region', keptWhenIneligible: true, keptWhenErased: true },
  { key: 'germanCommunity', answer: false, keptWhenIneligible: true, keptWhenErased: false },
  { key: 'education', answer: true, summary: 'education', correctStep: 'education', feature: 'education', keptWhenIneligible: true, keptWhenErased: true },
  { key: 'nationality', answer: true, summary: 'nationality', correctStep: 'nationality', keptWhenIneligible: true, keptWhenErased: false },
  { key: 'euVote', answer: true, summary: 'euVote', correctStep: 'euVote', keptWhenIneligible: true, keptWhenErased: false },
  { key: 'phone', answer: true, optional: true, summary: 'contact', correctStep: 'contact', keptWhenIneligible: false, keptWhenErased: false },
  { key: 'email', answer: true, optional: true, summary: 'contact', correctStep: 'contact', keptWhenIneligible: false, keptWhenErased: false },
];

const answerFields = () => REGISTRATION_FIELDS.filter((f) => f.answer);

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
  const a = answers as Record<string, string | undefined>;
  return Object.fromEntries(answerFields().map((f) => [f.key, a[f.key] ?? (f.optional ? null : undefined)]));
}

/** The columns emptied when a correction makes the person ineligible. */
export const CLEARED_WHEN_INELIGIBLE = REGISTRATION_FIELDS.filter((f) => !f.keptWhenIneligible).map((f) => f.key);

/** The columns emptied on erasure and at the end of retention. */
export const ERASED_COLUMNS = REGISTRATION_FIELDS.filter((f) => !f.keptWhenErased).map((f) => f.key);
