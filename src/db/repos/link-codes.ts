// Link codes and the identities they move: one person, several addresses (RapidPro's model).
import { and, eq, isNull, gt } from 'drizzle-orm';
import type { Db } from '../client';
import { identities, invitations, linkCodes, people, registrations } from '../schema/index';

export function saveLinkCode(db: Db, codeHash: string, personId: number, now: Date, expiresAt: Date): void {
  db.insert(linkCodes).values({ codeHash, personId, createdAt: now, expiresAt }).run();
}

/** The person of an unused, unexpired code whose person still exists and was not erased. */
export function findLinkCode(db: Db, codeHash: string, now: Date): number | undefined {
  return db
    .select({ personId: linkCodes.personId })
    .from(linkCodes)
    .innerJoin(people, eq(people.id, linkCodes.personId))
    .where(and(eq(linkCodes.codeHash, codeHash), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, now), eq(people.status, 'active')))
    .get()?.personId;
}

export function useLinkCode(db: Db, codeHash: string, now: Date): void {
  db.update(linkCodes).set({ usedAt: now }).where(eq(linkCodes.codeHash, codeHash)).run();
}

/**
 * Whether a person holds nothing an address could lose by moving away: no registration, no
 * claimed letter. A new Telegram chat that only greeted panelbot is such a person.
 */
export function holdsNothing(db: Db, personId: number): boolean {
  const registered = db.select({ id: registrations.personId }).from(registrations).where(eq(registrations.personId, personId)).get();
  const claimed = db.select({ code: invitations.code }).from(invitations).where(eq(invitations.claimedBy, personId)).get();
  return !registered && !claimed;
}

/** Points an address at a person (moving it from the person it had, if any), as just used. */
export function attachAddress(db: Db, address: { channel: string; userId: string }, personId: number, now: Date): void {
  db.insert(identities)
    .values({ channel: address.channel, userId: address.userId, personId, reachable: true, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [identities.channel, identities.userId], set: { personId, reachable: true, lastSeenAt: now } })
    .run();
}
