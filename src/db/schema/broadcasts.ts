// Broadcasts written by organisers: a draft is previewed, then queued to everyone in its audience
// through the outbox (one row per person, in their language).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const broadcasts = sqliteTable('broadcasts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** registrants | selected | reserves | attendees */
  audience: text('audience').notNull(),
  /** For attendees: the event id from the panel configuration. */
  eventId: text('event_id'),
  /** JSON { fr, nl, de, en }: the text in every panel language. */
  texts: text('texts').notNull(),
  /** Also to people who asked for essential messages only. */
  essential: integer('essential', { mode: 'boolean' }).notNull().default(false),
  /** draft | queued */
  status: text('status').notNull().default('draft'),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  queuedBy: text('queued_by'),
  queuedAt: integer('queued_at', { mode: 'timestamp_ms' }),
  queuedCount: integer('queued_count'),
});
