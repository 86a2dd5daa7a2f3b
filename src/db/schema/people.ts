// People, the channel identities that point to them, and where each is in a conversation.
// RapidPro's model: one person, several addresses.

import { integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

export const people = sqliteTable('people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Shown to organisers instead of a name (e.g. in Slack tickets). */
  pseudonym: text('pseudonym').notNull().unique(),
  /** fr | nl | de | en once chosen. */
  language: text('language'),
  /** active | withdrawn | erased */
  status: text('status').notNull().default('active'),
  /** Only essential messages (no news, no surveys) when true. */
  essentialOnly: integer('essential_only', { mode: 'boolean' }).notNull().default(false),
  /**
   * Easy-read: texts in short sentences and everyday words (the `_easy` versions). Null until the
   * person chooses ("simple" / "normal text"); an easy-read letter switches it on while null.
   */
  easyRead: integer('easy_read', { mode: 'boolean' }),
  /** Asked after the draw of those not selected: may we tell you about future panels? */
  futurePanels: integer('future_panels', { mode: 'boolean' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const identities = sqliteTable(
  'identities',
  {
    channel: text('channel').notNull(),
    userId: text('user_id').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** False once the platform says the person blocked us (Telegram 403). */
    reachable: integer('reachable', { mode: 'boolean' }).notNull().default(true),
    firstSeenAt: integer('first_seen_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.userId] }), index('identities_person').on(t.personId)],
);

/** The one dialogue a person is in, and its answers so far. Written in the same transaction as each message. */
export const conversations = sqliteTable('conversations', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  flow: text('flow').notNull(),
  step: text('step').notNull(),
  /** JSON: the flow's answers and counters. */
  data: text('data').notNull().default('{}'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Every platform message handled, with the replies it got: the same message delivered twice is
 * answered once, and replies not yet confirmed as delivered are given again after a crash.
 */
export const inboundLog = sqliteTable(
  'inbound_log',
  {
    channel: text('channel').notNull(),
    messageId: text('message_id').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** JSON Outbound[]; emptied once delivered (it may hold personal data). */
    replies: text('replies').notNull().default('[]'),
    delivered: integer('delivered', { mode: 'boolean' }).notNull().default(false),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.messageId] }), index('inbound_log_person').on(t.personId, t.receivedAt)],
);

