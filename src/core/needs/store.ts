// Reading and writing one person's needs. Each answer is written as it comes, inside the
// transaction of the message that gave it; saveNeeds says whether anything actually changed.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { needs, registrations, type NeedsRow } from '../../db/schema/index';
import { ageOn } from '../registration/parse';
import type { PanelConfig } from '../panel/config';
import { firstPanelDay } from '../selection/features';

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

/** A minor on the first panel day must come with a parent or guardian. */
export function isMinor(db: Db, config: PanelConfig, personId: number): boolean {
  const reg = db.select({ birthDate: registrations.birthDate }).from(registrations).where(eq(registrations.personId, personId)).get();
  if (!reg?.birthDate) return false;
  return ageOn(reg.birthDate, firstPanelDay(config)) < config.registration.guardianBelowAge;
}
