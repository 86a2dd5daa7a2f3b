// The durable outbox: every message sent later (reminders, broadcasts, the draw's outcome,
// organisers' replies) is a row first. A dispatcher claims due rows and sends them.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { people } from './people';

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    /** The channel and user id to send to; null channel means "the person's preferred channel at send time". */
    channel: text('channel'),
    userId: text('user_id'),
    /** reminder | broadcast | selection | reply | survey | system */
    kind: text('kind').notNull(),
    /** JSON: either a rendered Outbound or a { key, params } to render in the person's language at send time. */
    payload: text('payload').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    /** Latest acceptable send time; past it the row is skipped with a reason, never sent late. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    /** pending | claimed | sent | failed | skipped | cancelled */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** One message per key, ever: "reminder:<person>:<event>:<rule>". */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Lower first: replies to a person (0) before broadcasts (10). */
    priority: integer('priority').notNull().default(5),
    /** Essential messages still go to people who asked for essential messages only. */
    essential: integer('essential', { mode: 'boolean' }).notNull().default(true),
    skipReason: text('skip_reason'),
    lastError: text('last_error'),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('outbox_due').on(t.status, t.dueAt), index('outbox_person').on(t.personId)],
);
