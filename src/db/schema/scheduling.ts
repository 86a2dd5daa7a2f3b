// Event dates moved after the configuration was written, and seats offered to reserves.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { people } from './people';

/** An event moved by `panelbot events move`: these dates win over the configuration's. */
export const eventOverrides = sqliteTable('event_overrides', {
  eventId: text('event_id').primaryKey(),
  start: integer('start', { mode: 'timestamp_ms' }).notNull(),
  end: integer('end', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** A seat freed by a "no" to an attendance question, offered to one reserve at a time. */
export const seatOffers = sqliteTable(
  'seat_offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull(),
    /** Who said no (kept as the reason for the offer). */
    declinedBy: integer('declined_by').references(() => people.id, { onDelete: 'set null' }),
    reserveId: integer('reserve_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** offered | accepted | refused */
    status: text('status').notNull().default('offered'),
    offeredAt: integer('offered_at', { mode: 'timestamp_ms' }).notNull(),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('seat_offers_event').on(t.eventId), index('seat_offers_reserve').on(t.reserveId)],
);

/**
 * Who may do a job that only one process at a time may do (sending the outbox): the holder
 * renews its lease at every tick; another process takes over only once it has expired.
 */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});
