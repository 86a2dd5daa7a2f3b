// What organisers' tools read and write: the counts behind `stats`, finding a person, broadcasts.
import { and, count, eq, inArray, isNotNull, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { attendance, broadcasts, identities, invitations, people, registrations, tickets } from '../schema/index';

export interface TallyRow {
  status: string;
  ineligibleReason: string | null;
  selection: string;
  participation: string;
  n: number;
}

/**
 * The registrations counted by what organisers' numbers are made of: status, the reason found not
 * eligible (kept on the anonymous row after erasure), the draw's outcome and the selected person's
 * answer. One grouped query; src/core/organisers/counts.ts gives the definitions.
 */
export function registrationTally(db: Db): TallyRow[] {
  return db
    .select({
      status: registrations.status,
      ineligibleReason: registrations.ineligibleReason,
      selection: registrations.selection,
      participation: registrations.participation,
      n: count(),
    })
    .from(registrations)
    .groupBy(registrations.status, registrations.ineligibleReason, registrations.selection, registrations.participation)
    .all();
}

/** Letters' codes imported, and those entered by someone. */
export function invitationTally(db: Db): { imported: number; claimed: number } {
  const row = db.select({ imported: count(), claimed: sql<number>`count(${invitations.claimedBy})` }).from(invitations).get();
  return { imported: row?.imported ?? 0, claimed: row?.claimed ?? 0 };
}

/** Who entered this invitation code. */
export function claimantOfCode(db: Db, code: string): number | null | undefined {
  return db.select({ id: invitations.claimedBy }).from(invitations).where(eq(invitations.code, code)).get()?.id;
}

/** People whose first or last name contains every one of the words (at most `limit`). */
export function personIdsByNameWords(db: Db, words: string[], limit: number): number[] {
  const conditions: SQL[] = words.map((w) => or(like(registrations.firstName, `%${w}%`), like(registrations.lastName, `%${w}%`))!);
  return db
    .select({ id: registrations.personId })
    .from(registrations)
    .where(and(...conditions))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/** People whose phone number ends with these digits (at least 6 typed; at most `limit`). */
export function personIdsByPhoneDigits(db: Db, digits: string, limit: number): number[] {
  const tail = digits.slice(-8);
  return db
    .select({ id: registrations.personId, phone: registrations.phone })
    .from(registrations)
    .where(like(registrations.phone, `%${tail.slice(-1)}`))
    .all()
    .filter((r) => (r.phone ?? '').replace(/\D/g, '').endsWith(tail))
    .slice(0, limit)
    .map((r) => r.id);
}

/** What an organiser needs to help one person: their rows, code, channels and open tickets. */
export function personOverview(db: Db, personId: number) {
  const person = db.select().from(people).where(eq(people.id, personId)).get()!;
  const registration = db.select().from(registrations).where(eq(registrations.personId, personId)).get();
  const code = db.select({ code: invitations.code }).from(invitations).where(eq(invitations.claimedBy, personId)).get()?.code;
  const channels = db.select({ channel: identities.channel }).from(identities).where(eq(identities.personId, personId)).all().map((r) => r.channel);
  const openTickets = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.personId, personId), inArray(tickets.status, ['open', 'claimed', 'answered'])))
    .all()
    .map((r) => r.id);
  return { person, registration, code, channels, openTickets };
}

export interface BroadcastMember {
  personId: number;
  language: string | null;
  essentialOnly: boolean;
}

/** Active people in a broadcast's audience: registrants, selected, reserves, or an event's attendees. */
export function broadcastAudience(db: Db, audience: 'registrants' | 'selected' | 'reserves' | 'attendees', eventId?: string): BroadcastMember[] {
  const cols = { personId: people.id, language: people.language, essentialOnly: people.essentialOnly };
  const active = eq(people.status, 'active');
  const registered = eq(registrations.status, 'registered');
  if (audience === 'attendees') {
    return db
      .selectDistinct(cols)
      .from(attendance)
      .innerJoin(people, eq(people.id, attendance.personId))
      .where(and(eq(attendance.eventId, eventId ?? ''), eq(attendance.answer, 'yes'), active))
      .all();
  }
  const where =
    audience === 'registrants'
      ? and(registered, active)
      : audience === 'selected'
        ? and(registered, active, eq(registrations.selection, 'selected'), ne(registrations.participation, 'declined'))
        : and(registered, active, inArray(registrations.selection, ['reserve']));
  return db.select(cols).from(registrations).innerJoin(people, eq(people.id, registrations.personId)).where(where).all();
}

export function insertBroadcast(db: Db, row: { audience: string; eventId: string | null; texts: string; essential: boolean; createdBy: string; createdAt: Date }): number {
  return db.insert(broadcasts).values(row).returning({ id: broadcasts.id }).get().id;
}

export function broadcastRow(db: Db, id: number) {
  return db.select().from(broadcasts).where(eq(broadcasts.id, id)).get();
}

export function markBroadcastQueued(db: Db, id: number, actor: string, now: Date, queuedCount: number): void {
  db.update(broadcasts).set({ status: 'queued', queuedBy: actor, queuedAt: now, queuedCount }).where(eq(broadcasts.id, id)).run();
}
