// What organisers' tools read and write: the counts behind `stats`, finding a person, broadcasts.
import { and, count, eq, inArray, isNotNull, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { attendance, broadcasts, identities, invitations, people, registrations, tickets } from '../schema/index';

type Grouped = Array<{ key: string | null; n: number }>;

/** The counts of letters' codes and registrations, grouped as `stats` shows them. */
export function registrationCounts(db: Db): { invitationsImported: number; codesInUse: number; registrations: number; ineligible: Grouped; selection: Grouped; participation: Grouped } {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const registered = sql<string>`${registrations.status} = 'registered'`;
  return {
    invitationsImported: n(db.select({ n: count() }).from(invitations).get()),
    codesInUse: n(db.select({ n: count() }).from(invitations).where(isNotNull(invitations.claimedBy)).get()),
    registrations: n(db.select({ n: count() }).from(registrations).get()),
    ineligible: db.select({ key: registrations.ineligibleReason, n: count() }).from(registrations).where(eq(registrations.status, 'ineligible')).groupBy(registrations.ineligibleReason).all(),
    selection: db.select({ key: registrations.selection, n: count() }).from(registrations).where(registered).groupBy(registrations.selection).all(),
    participation: db.select({ key: registrations.participation, n: count() }).from(registrations).where(eq(registrations.selection, 'selected')).groupBy(registrations.participation).all(),
  };
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
