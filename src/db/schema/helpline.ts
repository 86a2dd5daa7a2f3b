// Helpline tickets: a citizen's question that the FAQ could not answer, triaged by organisers.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { people } from './people';

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** open | claimed | answered | resolved */
    status: text('status').notNull().default('open'),
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    language: text('language').notNull(),
    /** The channel the citizen wrote from, where answers go back. */
    channel: text('channel').notNull(),
    userId: text('user_id').notNull(),
    claimedBy: text('claimed_by'),
    /** Where the ticket's message lives in Slack, once posted. */
    slackChannel: text('slack_channel'),
    slackTs: text('slack_ts'),
    /** What the Slack message shows now ("status|urgent|claimedBy"): it is updated when this differs. */
    slackShown: text('slack_shown'),
    nudgedAt: integer('nudged_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('tickets_person').on(t.personId, t.status), index('tickets_status').on(t.status)],
);

export const ticketMessages = sqliteTable(
  'ticket_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /**
     * citizen | organiser | note | bot: what panelbot itself told the person in this conversation
     * (the FAQ answer that did not help, "your question is with the team"), so that the team reads
     * the whole exchange. Erased with the ticket, shown in "my data".
     */
    author: text('author').notNull(),
    /** The organiser's Slack or CLI id; for the bot, "faq:<entry>" for an FAQ answer; null for the citizen. */
    authorId: text('author_id'),
    text: text('text').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** Set once posted to Slack (citizen messages) or queued to the citizen (organiser replies). */
    relayedAt: integer('relayed_at', { mode: 'timestamp_ms' }),
    /**
     * The Slack message that carries it ("slack:C1:1712.0001"): the organiser's own message, or the
     * copy posted in the thread of an answer written in the terminal. A redelivery is kept once.
     */
    sourceId: text('source_id'),
  },
  (t) => [index('ticket_messages_ticket').on(t.ticketId), index('ticket_messages_source').on(t.sourceId)],
);
