// The needs a selected person can tell us about: the options of each question and the categories
// an answer belongs to (a late change alerts the organisers with the category only, never the content).

export const DIETS = ['none', 'vegetarian', 'vegan', 'halal', 'kosher', 'allergy', 'other'] as const;
export const MOBILITY = ['none', 'wheelchair', 'reduced_mobility', 'step_free'] as const;
export const SENSES = ['none', 'sign_nl', 'sign_fr', 'sign_de', 'large_print', 'other'] as const;
export const LANGUAGE_SUPPORT = ['none', 'interpretation', 'easy_language', 'other'] as const;
export const TRAVEL = ['public_transport', 'car', 'bike_walk', 'transport_needed', 'other'] as const;
export const COMPANION = ['none', 'companion', 'guardian'] as const;

export type Diet = (typeof DIETS)[number];
export type Mobility = (typeof MOBILITY)[number];
export type Senses = (typeof SENSES)[number];
export type LanguageSupport = (typeof LANGUAGE_SUPPORT)[number];
export type Travel = (typeof TRAVEL)[number];
export type Companion = (typeof COMPANION)[number];

/** The most children a person can declare in the chat (more: "anything else" or the helpline). */
export const MAX_CHILDREN = 6;
/** Childcare is for children under 12. */
export const CHILD_MAX_AGE = 11;

/** What a person can review and change, in the order the questions come. */
export const CATEGORIES = ['diet', 'children', 'companion', 'mobility', 'senses', 'language', 'travel', 'hotel', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The age bands childcare is organised by. */
export const AGE_BANDS = ['0-2', '3-5', '6-11'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age <= 2) return '0-2';
  if (age <= 5) return '3-5';
  return '6-11';
}
