// What organisers must learn about (alerts) and what they did (audit log).
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

/** Alerts for the organisers' channel. Payloads carry pseudonyms and counts, never personal data. */
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    payload: text('payload').notNull().default('{}'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set once posted to Slack's alerts channel. */
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }),
    /**
     * Set once an organiser acknowledged it with `panelbot alerts ack`: another fact than being
     * posted to Slack (a post is not a read, and an ack in the terminal does not stop the post).
     */
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [index('alerts_unposted').on(t.postedAt), index('alerts_unacknowledged').on(t.acknowledgedAt)],
);

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** "slack:U123", "cli:alice" */
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target'),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});
