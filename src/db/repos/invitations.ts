// Invitation codes from the letters.
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { prepared } from '../prepared';
import type { Db } from '../client';
import { codeAttempts, invitations, people, registrations } from '../schema/index';

export type Invitation = typeof invitations.$inferSelect;

export function findInvitation(db: Db, code: string): Invitation | undefined {
  return prepared(db, 'invitations.find', () =>
    db.select().from(invitations).where(eq(invitations.code, sql.placeholder('code'))).prepare(),
  ).get({ code });
}

/** Claims the code for this person; false when someone else already holds it. */
export function claimInvitation(db: Db, code: string, personId: number, now: Date): boolean {
  const changed = prepared(db, 'invitations.claim', () =>
    db.$client.prepare('UPDATE invitations SET claimed_by = ?, claimed_at = ? WHERE code = ? AND claimed_by IS NULL'),
  ).run(personId, now.getTime(), code).changes;
  if (changed === 1) return true;
  return findInvitation(db, code)?.claimedBy === personId;
}

export type FreeResult = { freed: true } | { freed: false; reason: 'not_found' | 'not_claimed' } | { freed: false; reason: 'registration'; status: string; pseudonym: string };

/**
 * Frees a code an organiser knows was taken by the wrong person (an old claim from before codes
 * were claimed at confirmation, a mix-up in a household). Refused while a registration row holds
 * the code: that person would have to withdraw or be erased first.
 */
export function freeInvitation(db: Db, code: string): FreeResult {
  const invitation = findInvitation(db, code);
  if (!invitation) return { freed: false, reason: 'not_found' };
  const holder = db
    .select({ status: registrations.status, pseudonym: people.pseudonym })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(eq(registrations.invitationCode, code))
    .get();
  if (holder) return { freed: false, reason: 'registration', ...holder };
  if (invitation.claimedBy === null) return { freed: false, reason: 'not_claimed' };
  db.update(invitations).set({ claimedBy: null, claimedAt: null }).where(eq(invitations.code, code)).run();
  return { freed: true };
}

export function releaseInvitation(db: Db, code: string, personId: number): void {
  db.update(invitations).set({ claimedBy: null, claimedAt: null }).where(and(eq(invitations.code, code), eq(invitations.claimedBy, personId))).run();
}

export function recordWrongCode(db: Db, personId: number, now: Date): void {
  db.insert(codeAttempts).values({ personId, at: now }).run();
}

export function wrongCodesSince(db: Db, since: Date, personId?: number): number {
  const row =
    personId === undefined
      ? prepared(db, 'codeAttempts.since', () => db.$client.prepare('SELECT count(*) AS n FROM code_attempts WHERE at >= ?')).get(since.getTime())
      : prepared(db, 'codeAttempts.personSince', () => db.$client.prepare('SELECT count(*) AS n FROM code_attempts WHERE person_id = ? AND at >= ?')).get(personId, since.getTime());
  return (row as { n: number } | undefined)?.n ?? 0;
}

/** When this person's oldest wrong code since `since` was typed (the hourly limit lifts an hour after it). */
export function oldestWrongCodeSince(db: Db, personId: number, since: Date): Date | undefined {
  return db
    .select({ at: codeAttempts.at })
    .from(codeAttempts)
    .where(and(eq(codeAttempts.personId, personId), gte(codeAttempts.at, since)))
    .orderBy(asc(codeAttempts.at))
    .limit(1)
    .get()?.at;
}

/** Adds a letter's code; false when the code is already known (importing twice changes nothing). */
export function addInvitation(db: Db, row: { code: string; languages: string; postcode?: string | null; household?: string | null; easyRead?: boolean }, now: Date): boolean {
  return db.insert(invitations).values({ ...row, importedAt: now }).onConflictDoNothing().run().changes === 1;
}

/** Marks a known letter as easy-read or not (an import run again with the easy_read column). */
export function setInvitationEasyRead(db: Db, code: string, easyRead: boolean): void {
  db.update(invitations).set({ easyRead }).where(eq(invitations.code, code)).run();
}
