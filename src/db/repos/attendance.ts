// Who comes to which event: answers per day, seats offered to reserves, check-ins.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { attendance, people, registrations, seatOffers } from '../schema/index';

/** The person's answer for one day of an event (yes | no | unsure), replacing an earlier one. */
export function saveDayAnswer(db: Db, personId: number, eventId: string, day: string, answer: string, now: Date): void {
  db.insert(attendance)
    .values({ personId, eventId, day, answer, answeredAt: now })
    .onConflictDoUpdate({ target: [attendance.personId, attendance.eventId, attendance.day], set: { answer, answeredAt: now } })
    .run();
}

/** The person's answers for the days of one event (null: a check-in without an answer). */
export function dayAnswersOf(db: Db, personId: number, eventId: string): Array<{ answer: string | null }> {
  return db
    .select({ answer: attendance.answer })
    .from(attendance)
    .where(and(eq(attendance.personId, personId), eq(attendance.eventId, eventId)))
    .all();
}

/** Who said "no" to an event. */
export function saidNoTo(db: Db, eventId: string): number[] {
  return db.select({ id: attendance.personId }).from(attendance).where(and(eq(attendance.eventId, eventId), eq(attendance.answer, 'no'))).all().map((r) => r.id);
}

/** Marks the person present on that day; false when they already were. */
export function saveCheckIn(db: Db, personId: number, eventId: string, day: string, by: string, now: Date): boolean {
  const existing = db
    .select({ checkedInAt: attendance.checkedInAt })
    .from(attendance)
    .where(and(eq(attendance.personId, personId), eq(attendance.eventId, eventId), eq(attendance.day, day)))
    .get();
  if (existing?.checkedInAt) return false;
  db.insert(attendance)
    .values({ personId, eventId, day, checkedInAt: now, checkedInBy: by })
    .onConflictDoUpdate({ target: [attendance.personId, attendance.eventId, attendance.day], set: { checkedInAt: now, checkedInBy: by } })
    .run();
  return true;
}

/** Whether a seat freed by this person's "no" was already offered. */
export function seatOfferedFor(db: Db, eventId: string, declinedBy: number): boolean {
  return db.select({ id: seatOffers.id }).from(seatOffers).where(and(eq(seatOffers.eventId, eventId), eq(seatOffers.declinedBy, declinedBy))).get() !== undefined;
}

/** Reserves still registered and active, in the order of the reserves' lot. */
export function activeReserveIds(db: Db): number[] {
  return db
    .select({ id: registrations.personId })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.selection, 'reserve'), eq(registrations.status, 'registered'), eq(people.status, 'active')))
    // Ties on resemblance go to the reserve ranked first by the reserves' lot.
    .orderBy(registrations.reserveRank, registrations.personId)
    .all()
    .map((r) => r.id);
}

/** The reserves already offered a seat at this event. */
export function reservesAskedFor(db: Db, eventId: string): Set<number> {
  return new Set(db.select({ id: seatOffers.reserveId }).from(seatOffers).where(eq(seatOffers.eventId, eventId)).all().map((r) => r.id));
}

export function insertSeatOffer(db: Db, eventId: string, declinedBy: number | null, reserveId: number, now: Date): number {
  return db.insert(seatOffers).values({ eventId, declinedBy, reserveId, offeredAt: now }).returning({ id: seatOffers.id }).get().id;
}

/** A seat offer made to this reserve. */
export function seatOfferTo(db: Db, offerId: number, reserveId: number) {
  return db.select().from(seatOffers).where(and(eq(seatOffers.id, offerId), eq(seatOffers.reserveId, reserveId))).get();
}

export function answerSeatOfferRow(db: Db, offerId: number, status: 'accepted' | 'refused', now: Date): void {
  db.update(seatOffers).set({ status, answeredAt: now }).where(eq(seatOffers.id, offerId)).run();
}

/** Who is checked in on one day of an event. */
export function checkedInOn(db: Db, eventId: string, day: string): Set<number> {
  return new Set(
    db
      .select({ id: attendance.personId })
      .from(attendance)
      .where(and(eq(attendance.eventId, eventId), eq(attendance.day, day), isNotNull(attendance.checkedInAt)))
      .all()
      .map((r) => r.id),
  );
}
