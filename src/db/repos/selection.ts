// The draw's outcome and the selected people's answer, on the registrations.
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { people, registrations } from '../schema/index';

/** pending | selected | reserve | not_selected; undefined for someone not registered. */
export function selectionOf(db: Db, personId: number): string | undefined {
  return db.select({ selection: registrations.selection }).from(registrations).where(eq(registrations.personId, personId)).get()?.selection;
}

export function setSelection(db: Db, personId: number, selection: string, now: Date): void {
  db.update(registrations).set({ selection, selectionAt: now }).where(eq(registrations.personId, personId)).run();
}

/** Every eligible registrant's person id, by pseudonym (the draw's files name people by pseudonym). */
export function registeredByPseudonym(db: Db): Map<string, number> {
  return new Map(
    db
      .select({ id: people.id, pseudonym: people.pseudonym })
      .from(people)
      .innerJoin(registrations, eq(registrations.personId, people.id))
      .where(eq(registrations.status, 'registered'))
      .all()
      .map((r) => [r.pseudonym, r.id]),
  );
}

export function reserveIds(db: Db): Set<number> {
  return new Set(
    db
      .select({ id: registrations.personId })
      .from(registrations)
      .where(eq(registrations.selection, 'reserve'))
      .all()
      .map((r) => r.id),
  );
}

/** A selected person's answer: confirmed | declined. */
export function setParticipation(db: Db, personId: number, participation: 'confirmed' | 'declined', now: Date): void {
  db.update(registrations).set({ participation, participationAt: now }).where(eq(registrations.personId, personId)).run();
}

export function setReserveRank(db: Db, personId: number, rank: number | null): void {
  db.update(registrations).set({ reserveRank: rank }).where(eq(registrations.personId, personId)).run();
}

/** The reserves in the order of their lot (rank 1 first). */
export function reservesInRankOrder(db: Db): number[] {
  return db
    .select({ id: registrations.personId })
    .from(registrations)
    .where(eq(registrations.selection, 'reserve'))
    .orderBy(registrations.reserveRank, registrations.personId)
    .all()
    .map((r) => r.id);
}
