// What a selected person needs to take part: diet, childcare, a companion, accessibility, travel,
// a hotel night. Health- and religion-related answers are special-category data: kept here, apart
// from the registration, never logged, and gone with the person (ON DELETE CASCADE; erasure
// deletes every row that points to the person).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { people } from './people';

/**
 * One row per person, written answer by answer (a person who stops half-way keeps what they gave).
 * A null column is a question not answered (or skipped); "none" is an answer.
 */
export const needs = sqliteTable('needs', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  /** none | vegetarian | vegan | halal | kosher | allergy | other */
  diet: text('diet'),
  /** The allergy or diet in the person's own words. */
  dietText: text('diet_text'),
  /** Number of children under 12 who need childcare (0 = none). */
  children: integer('children'),
  /** JSON number[]: the children's ages. */
  childAges: text('child_ages', { mode: 'json' }).$type<number[]>(),
  /** JSON string[]: the local days (YYYY-MM-DD) childcare is needed. */
  childcareDays: text('childcare_days', { mode: 'json' }).$type<string[]>(),
  /** none | companion | guardian */
  companion: text('companion'),
  /** A minor's parent or guardian (required below registration.guardianBelowAge). */
  guardianName: text('guardian_name'),
  guardianPhone: text('guardian_phone'),
  /** none | wheelchair | reduced_mobility | step_free */
  mobility: text('mobility'),
  /** none | sign_nl | sign_fr | sign_de | large_print | other */
  senses: text('senses'),
  sensesText: text('senses_text'),
  /** none | interpretation | easy_language | other */
  languageSupport: text('language_support'),
  languageText: text('language_text'),
  /** public_transport | car | bike_walk | transport_needed | other */
  travel: text('travel'),
  /** Set when the postcode could not decide and the person said whether they live beyond the hotel distance. */
  farAway: integer('far_away', { mode: 'boolean' }),
  /** Wants the hotel night with dinner (offered beyond venue.hotelDistanceKm). */
  hotel: integer('hotel', { mode: 'boolean' }),
  /** Anything else that would make taking part possible, in the person's words. */
  otherText: text('other_text'),
  /** When the person reached the end of the questions once. */
  completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export type NeedsRow = typeof needs.$inferSelect;
