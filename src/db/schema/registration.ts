// Invitation codes from the letters, and the registrations made with them.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { people } from './people';

export const invitations = sqliteTable('invitations', {
  code: text('code').primaryKey(),
  /** One language, or two joined by '+', as on the letter: "nl+fr". */
  languages: text('languages').notNull(),
  postcode: text('postcode'),
  household: text('household'),
  importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
  /** The letter was sent in easy-read (import column easy_read): its conversation starts in easy-read. */
  easyRead: integer('easy_read', { mode: 'boolean' }).notNull().default(false),
  /** The person who entered this code; one code registers one person. */
  claimedBy: integer('claimed_by').references(() => people.id, { onDelete: 'set null' }),
  claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
});

/**
 * A finished registration (written once, at confirmation, in one transaction).
 * Ineligible people keep only the code, the language and the reason.
 */
export const registrations = sqliteTable(
  'registrations',
  {
    personId: integer('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    invitationCode: text('invitation_code')
      .notNull()
      .unique()
      .references(() => invitations.code),
    /** registered | ineligible */
    status: text('status').notNull(),
    ineligibleReason: text('ineligible_reason'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    birthDate: text('birth_date'),
    gender: text('gender'),
    genderText: text('gender_text'),
    postcode: text('postcode'),
    province: text('province'),
    region: text('region'),
    germanCommunity: integer('german_community', { mode: 'boolean' }),
    education: text('education'),
    nationality: text('nationality'),
    euVote: text('eu_vote'),
    phone: text('phone'),
    email: text('email'),
    consentVersion: text('consent_version'),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    registeredAt: integer('registered_at', { mode: 'timestamp_ms' }).notNull(),
    /** pending | selected | reserve | not_selected */
    selection: text('selection').notNull().default('pending'),
    selectionAt: integer('selection_at', { mode: 'timestamp_ms' }),
    /** For reserves: 1 is asked first when ties remain (the order of the reserves' lot). */
    reserveRank: integer('reserve_rank'),
    /** For selected people: pending | confirmed | declined */
    participation: text('participation').notNull().default('pending'),
    participationAt: integer('participation_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('registrations_status').on(t.status, t.selection)],
);

/** Wrong codes typed, for the per-person limit and the burst alert. No code is stored. */
export const codeAttempts = sqliteTable(
  'code_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('code_attempts_at').on(t.at), index('code_attempts_person').on(t.personId, t.at)],
);
