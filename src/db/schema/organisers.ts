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
    /** Set once posted to Slack (or read in the CLI). */
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('alerts_unposted').on(t.postedAt)],
);

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** "slack:U123", "cli:alice" */
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target'),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});
