// Who an event's reminders go to: the audiences the event names, less those who said they will
// not come, plus reserves who took a freed seat. 'companions': the people who come with one.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { attendance, needs, people, registrations, seatOffers } from '../schema/index';

/** An event as far as its audience goes: its id and the audiences it names. */
export interface AudienceEvent {
  id: string;
  audience: readonly string[];
}

export function audienceOf(db: Db, event: AudienceEvent): Set<number> {
  const ids = new Set<number>();
  const add = (rows: Array<{ id: number }>) => rows.forEach((r) => ids.add(r.id));
  const active = and(eq(registrations.status, 'registered'), eq(people.status, 'active'));
  const select = () => db.select({ id: registrations.personId }).from(registrations).innerJoin(people, eq(people.id, registrations.personId));
  for (const audience of event.audience) {
    if (audience === 'registrants') add(select().where(active).all());
    if (audience === 'selected') add(select().where(and(active, eq(registrations.selection, 'selected'), ne(registrations.participation, 'declined'))).all());
    if (audience === 'reserves') add(select().where(and(active, eq(registrations.selection, 'reserve'))).all());
    // Companions have no chat identity of their own: the person they come with is told.
    if (audience === 'companions') {
      add(
        select()
          .innerJoin(needs, eq(needs.personId, registrations.personId))
          .where(and(active, eq(registrations.selection, 'selected'), ne(registrations.participation, 'declined'), inArray(needs.companion, ['companion', 'guardian'])))
          .all(),
      );
    }
  }
  const tookSeat = db
    .select({ id: seatOffers.reserveId })
    .from(seatOffers)
    .innerJoin(people, eq(people.id, seatOffers.reserveId))
    .where(and(eq(seatOffers.eventId, event.id), eq(seatOffers.status, 'accepted'), eq(people.status, 'active')))
    .all();
  add(tookSeat);
  for (const r of db.select({ id: attendance.personId }).from(attendance).where(and(eq(attendance.eventId, event.id), eq(attendance.answer, 'no'))).all()) {
    ids.delete(r.id);
  }
  return ids;
}

/** Whether the person is expected at the event (for check-in). */
export function isExpected(db: Db, event: AudienceEvent, personId: number): boolean {
  if (audienceOf(db, event).has(personId)) return true;
  return db.select({ id: attendance.personId }).from(attendance).where(and(eq(attendance.eventId, event.id), eq(attendance.personId, personId))).get() !== undefined;
}
