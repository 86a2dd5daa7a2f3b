// Invitation codes from the letters.
import { and, eq, gte, isNull, count } from 'drizzle-orm';
import type { Db } from '../client';
import { codeAttempts, invitations } from '../schema/index';
import { LANGUAGES, type Language } from '../../core/panel-config';
export { normalizeCode } from '../../core/invitation-code';

export type Invitation = typeof invitations.$inferSelect;

export function findInvitation(db: Db, code: string): Invitation | undefined {
  return db.select().from(invitations).where(eq(invitations.code, code)).get();
}

export function letterLanguages(languages: string): Language[] {
  return languages.split('+').filter((l): l is Language => (LANGUAGES as readonly string[]).includes(l));
}

/** Claims the code for this person; false when someone else already holds it. */
export function claimInvitation(db: Db, code: string, personId: number, now: Date): boolean {
  const changed = db
    .update(invitations)
    .set({ claimedBy: personId, claimedAt: now })
    .where(and(eq(invitations.code, code), isNull(invitations.claimedBy)))
    .run().changes;
  if (changed === 1) return true;
  return findInvitation(db, code)?.claimedBy === personId;
}

export function releaseInvitation(db: Db, code: string, personId: number): void {
  db.update(invitations).set({ claimedBy: null, claimedAt: null }).where(and(eq(invitations.code, code), eq(invitations.claimedBy, personId))).run();
}

export function recordWrongCode(db: Db, personId: number, now: Date): void {
  db.insert(codeAttempts).values({ personId, at: now }).run();
}

export function wrongCodesSince(db: Db, since: Date, personId?: number): number {
  const where = personId === undefined ? gte(codeAttempts.at, since) : and(eq(codeAttempts.personId, personId), gte(codeAttempts.at, since));
  return db.select({ n: count() }).from(codeAttempts).where(where).get()?.n ?? 0;
}
