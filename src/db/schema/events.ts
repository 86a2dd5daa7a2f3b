// Who comes to which event day: the answer to an attendance question, and the check-in on the day.
import { integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { people } from './people';

export const attendance = sqliteTable(
  'attendance',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The event id from the panel configuration (e.g. weekend-1). */
    eventId: text('event_id').notNull(),
    /** The local day (YYYY-MM-DD, Europe/Brussels) within the event. */
    day: text('day').notNull(),
    /** yes | no | unsure — the person's answer for that day. */
    answer: text('answer'),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    /** Set when the person (or an organiser) checks in on the day. */
    checkedInAt: integer('checked_in_at', { mode: 'timestamp_ms' }),
    checkedInBy: text('checked_in_by'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.eventId, t.day] }), index('attendance_event').on(t.eventId, t.day)],
);
