// After the panel: questionnaire answers (kept apart from identities), compensation claims, and the
// payment records that accounting law requires us to keep after everything else is erased.
import { integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { people } from './people';

/**
 * The one link between a person and their answers: a random respondent key. Retention deletes
 * this row, and from then on the answers belong to nobody.
 */
export const surveyKeys = sqliteTable('survey_keys', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  respondent: text('respondent').notNull().unique(),
});

/** One answer to one item: no person id, no timestamp; value null means the item was skipped. */
export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    respondent: text('respondent').notNull(),
    /** The questionnaire id from the configuration (e.g. pre, post, evaluation). */
    questionnaire: text('questionnaire').notNull(),
    item: text('item').notNull(),
    value: integer('value'),
  },
  (t) => [primaryKey({ columns: [t.respondent, t.questionnaire, t.item] }), index('survey_answers_q').on(t.questionnaire, t.item)],
);

/** Free text of the process evaluation, apart from the scores too. Empty text means skipped. */
export const surveyComments = sqliteTable(
  'survey_comments',
  {
    respondent: text('respondent').notNull(),
    questionnaire: text('questionnaire').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.respondent, t.questionnaire] })],
);

/** A participant's bank details for the compensation: erased with the person. */
export const compensationClaims = sqliteTable(
  'compensation_claims',
  {
    personId: integer('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    holder: text('holder').notNull(),
    /** Electronic format, no spaces: BE71096123456769. */
    iban: text('iban').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    /** The end-to-end reference on the transfer (no personal data: built from the pseudonym). */
    reference: text('reference').notNull().unique(),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }).notNull(),
    /** The pain.001 message id of the last export that held this claim. */
    batch: text('batch'),
    exportedAt: integer('exported_at', { mode: 'timestamp_ms' }),
    paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('compensation_claims_paid').on(t.paidAt)],
);

/**
 * What a payment made legally requires keeping (accounting records): who was paid, to which
 * account, how much, when. Deliberately without a person id, so that retention leaves it alone.
 */
export const paymentRecords = sqliteTable('payment_records', {
  reference: text('reference').primaryKey(),
  holder: text('holder').notNull(),
  iban: text('iban').notNull(),
  amountCents: integer('amount_cents').notNull(),
  currency: text('currency').notNull(),
  batch: text('batch'),
  paidAt: integer('paid_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Every payment file written by `compensation export`: `mark-paid` accepts only a file whose batch
 * is here and whose references were exported in exactly that batch. `againOf` names the batch an
 * explicit `--again` export replaced (its file must then not be paid).
 */
export const paymentBatches = sqliteTable('payment_batches', {
  id: text('id').primaryKey(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  count: integer('count').notNull(),
  totalCents: integer('total_cents').notNull(),
  againOf: text('again_of'),
});

/** People who asked for the final report before it was published: it is sent to them once it is. */
export const reportRequests = sqliteTable('report_requests', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  askedAt: integer('asked_at', { mode: 'timestamp_ms' }).notNull(),
});
