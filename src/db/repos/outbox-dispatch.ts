// The dispatcher's statements on the outbox (src/core/outbox/dispatcher.ts decides; this stores):
// skipping what can no longer go, choosing the due rows of a loop, and recording each outcome.
// Every status change of a claimed row checks that it is still 'claimed': a row cancelled in
// flight (the person was erased) stays cancelled.
import { and, eq, inArray, isNotNull, lt, lte, ne, sql, isNull, or } from 'drizzle-orm';
import type { Db } from '../client';
import { outbox, people } from '../schema/index';

const dueAt = (now: Date) => and(eq(outbox.status, 'pending'), lte(outbox.dueAt, now));

/** Skips, with a reason, the due rows that must not go; returns how many. */
export function skipUndeliverable(db: Db, now: Date): number {
  const due = dueAt(now);
  let skipped = 0;
  const skip = (where: ReturnType<typeof and>, reason: string) => {
    skipped += db.update(outbox).set({ status: 'skipped', skipReason: reason }).where(where).run().changes;
  };
  // Never sent late.
  skip(and(due, isNotNull(outbox.expiresAt), lt(outbox.expiresAt, now)), 'too_late');
  const personWhere = (cond: ReturnType<typeof eq>) => inArray(outbox.personId, db.select({ id: people.id }).from(people).where(cond));
  // Erased: nothing goes. Withdrawn: an organiser's reply or a system message still does, the rest not.
  skip(and(due, personWhere(eq(people.status, 'erased'))), 'person_erased');
  skip(and(due, inArray(outbox.kind, ['reminder', 'broadcast', 'survey', 'selection']), personWhere(ne(people.status, 'active'))), 'person_inactive');
  skip(and(due, eq(outbox.essential, false), personWhere(eq(people.essentialOnly, true))), 'essential_only');
  // No address to try, or none that works any more.
  skip(and(due, isNull(outbox.channel), or(isNull(outbox.personId), sql`NOT EXISTS (SELECT 1 FROM identities i WHERE i.person_id = ${outbox.personId} AND i.reachable = 1)`)), 'unreachable');
  return skipped;
}

/**
 * The due rows of one dispatch loop, most urgent first: addressed to its channel, or to a person
 * reachable on it (`mine`); without a loop channel, those on any of the ready channels.
 */
export function dueRows(db: Db, now: Date, channels: { mine?: string | undefined; ready: string[] }, limit: number) {
  const { mine, ready } = channels;
  const onChannels = mine
    ? or(eq(outbox.channel, mine), and(isNull(outbox.channel), sql`EXISTS (SELECT 1 FROM identities i WHERE i.person_id = ${outbox.personId} AND i.channel = ${mine} AND i.reachable = 1)`))
    : or(isNull(outbox.channel), inArray(outbox.channel, ready));
  return db
    .select({
      id: outbox.id,
      personId: outbox.personId,
      channel: outbox.channel,
      userId: outbox.userId,
      kind: outbox.kind,
      payload: outbox.payload,
      attempts: outbox.attempts,
      expiresAt: outbox.expiresAt,
      language: people.language,
      easyRead: people.easyRead,
    })
    .from(outbox)
    .leftJoin(people, eq(people.id, outbox.personId))
    .where(and(dueAt(now), onChannels))
    .orderBy(outbox.priority, outbox.dueAt, outbox.id)
    .limit(limit)
    .all();
}

export function postponeRow(db: Db, id: number, until: Date): void {
  db.update(outbox).set({ dueAt: until }).where(eq(outbox.id, id)).run();
}

export function skipRow(db: Db, id: number, reason: string): number {
  return db.update(outbox).set({ status: 'skipped', skipReason: reason }).where(eq(outbox.id, id)).run().changes;
}

export function failRow(db: Db, id: number, error: string, attempts: number): void {
  db.update(outbox).set({ status: 'failed', lastError: error.slice(0, 300), attempts }).where(eq(outbox.id, id)).run();
}

export function claimRow(db: Db, id: number, now: Date): void {
  db.update(outbox)
    .set({ status: 'claimed', attempts: sql`${outbox.attempts} + 1`, claimedAt: now })
    .where(eq(outbox.id, id))
    .run();
}

/** Marks a claimed row sent; false when it was cancelled in flight. */
export function markRowSent(db: Db, id: number, now: Date): boolean {
  return db.update(outbox).set({ status: 'sent', sentAt: now, lastError: null }).where(and(eq(outbox.id, id), eq(outbox.status, 'claimed'))).run().changes === 1;
}

/** A claimed row that expired while waiting for its turn in the channel's queue. */
export function markRowExpired(db: Db, id: number): void {
  db.update(outbox)
    .set({ status: 'skipped', skipReason: 'too_late', lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'claimed')))
    .run();
}

/** A claimed row goes back to pending, to be tried at `at`. */
export function retryRow(db: Db, id: number, at: Date, error: string): void {
  db.update(outbox)
    .set({ status: 'pending', dueAt: at, lastError: error.slice(0, 300), claimedAt: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'claimed')))
    .run();
}

/** A claimed row given up: failed, or skipped when no address is left. */
export function giveUpRow(db: Db, id: number, status: 'failed' | 'skipped', skipReason: string | null, error: string): void {
  db.update(outbox)
    .set({ status, skipReason, lastError: error.slice(0, 300) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'claimed')))
    .run();
}

/** At start: rows a crash left claimed go back to pending. Returns how many. */
export function unclaimAll(db: Db): number {
  return db.update(outbox).set({ status: 'pending', claimedAt: null }).where(eq(outbox.status, 'claimed')).run().changes;
}
