// The events' dates as moved by `panelbot events move` (the configuration keeps the planned ones).
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { eventOverrides } from '../schema/index';
import { prepared } from '../prepared';

export type EventOverride = typeof eventOverrides.$inferSelect;

/** Every moved event's new dates, by event id. */
export function eventOverridesById(db: Db): Map<string, EventOverride> {
  // Read for every text that shows a date: prepared once per connection.
  return new Map(prepared(db, 'eventOverrides.all', () => db.select().from(eventOverrides).prepare()).all().map((o) => [o.eventId, o]));
}

/** Stores the new dates (the caller re-plans the reminders in the same transaction). */
export function saveEventOverride(db: Db, eventId: string, start: Date, end: Date, now: Date): void {
  db.insert(eventOverrides)
    .values({ eventId, start, end, updatedAt: now })
    .onConflictDoUpdate({ target: eventOverrides.eventId, set: { start, end, updatedAt: now } })
    .run();
}

export function clearEventOverride(db: Db, eventId: string): void {
  db.delete(eventOverrides).where(eq(eventOverrides.eventId, eventId)).run();
}
