// The draw's record: its source, how the reserves were chosen and the lot's seed.
import { desc } from 'drizzle-orm';
import type { Db } from '../client';
import { draws } from '../schema/index';

export type DrawRow = typeof draws.$inferSelect;

export function insertDraw(db: Db, row: Omit<typeof draws.$inferInsert, 'id'>): number {
  return db.insert(draws).values(row).returning({ id: draws.id }).get().id;
}

export function lastDraw(db: Db): DrawRow | undefined {
  return db.select().from(draws).orderBy(desc(draws.id)).limit(1).get();
}
