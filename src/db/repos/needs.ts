// One person's needs (diet, childcare, companion, access, language, travel, hotel, anything else),
// and the rows the logistics report counts. Each answer is written as it comes, inside the
// transaction of the message that gave it; saveNeeds says whether anything actually changed.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { attendance, needs, people, registrations, type NeedsRow } from '../schema/index';

export type { NeedsRow };
export type NeedsPatch = Partial<Omit<NeedsRow, 'personId' | 'updatedAt' | 'completedAt'>>;

export function loadNeeds(db: Db, personId: number): NeedsRow | undefined {
  return db.select().from(needs).where(eq(needs.personId, personId)).get();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Writes the answers given; returns true when a value differs from what was stored. */
export function saveNeeds(db: Db, personId: number, patch: NeedsPatch, now: Date): boolean {
  const current = loadNeeds(db, personId);
  const changed = Object.entries(patch).some(([key, value]) => !same(current?.[key as keyof NeedsRow], value));
  if (!current) db.insert(needs).values({ personId, ...patch, updatedAt: now }).run();
  else if (changed) db.update(needs).set({ ...patch, updatedAt: now }).where(eq(needs.personId, personId)).run();
  return changed;
}

export function markCompleted(db: Db, personId: number, now: Date): void {
  const current = loadNeeds(db, personId);
  if (!current) db.insert(needs).values({ personId, completedAt: now, updatedAt: now }).run();
  else if (!current.completedAt) db.update(needs).set({ completedAt: now }).where(eq(needs.personId, personId)).run();
}

/** The needs dialogue is for people drawn who did not decline. */
export function mayTellNeeds(db: Db, personId: number): boolean {
  const reg = db
    .select({ status: registrations.status, selection: registrations.selection, participation: registrations.participation })
    .from(registrations)
    .where(eq(registrations.personId, personId))
    .get();
  return reg?.status === 'registered' && reg.selection === 'selected' && reg.participation !== 'declined';
}

/** Everyone the logistics count: drawn, not declined, still active; with their needs. */
export function selectedWithNeeds(db: Db) {
  return db
    .select({ reg: registrations, pseudonym: people.pseudonym, language: people.language, needs })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .leftJoin(needs, eq(needs.personId, registrations.personId))
    .where(
      and(
        eq(registrations.status, 'registered'),
        eq(registrations.selection, 'selected'),
        ne(registrations.participation, 'declined'),
        eq(people.status, 'active'),
      ),
    )
    .all();
}

/** Every answer for the days of one event. */
export function dayAnswersOfEvent(db: Db, eventId: string): Array<{ personId: number; day: string; answer: string | null }> {
  return db
    .select({ personId: attendance.personId, day: attendance.day, answer: attendance.answer })
    .from(attendance)
    .where(eq(attendance.eventId, eventId))
    .all();
}
