// Compensation claims (account holder, IBAN) and the payments made.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { compensationClaims } from '../schema/index';

/** The person's claim, if any, with when it was marked paid (null: not paid). */
export function claimPaidAt(db: Db, personId: number): { paidAt: Date | null } | undefined {
  return db.select({ paidAt: compensationClaims.paidAt }).from(compensationClaims).where(eq(compensationClaims.personId, personId)).get();
}

export function countUnpaidClaims(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(compensationClaims).where(sql`${compensationClaims.paidAt} IS NULL`).get()?.n ?? 0;
}
