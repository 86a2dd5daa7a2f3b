// Compensation claims (account holder, IBAN) and the payments made.
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { attendance, compensationClaims, paymentBatches, paymentRecords, people } from '../schema/index';

/** The person's claim, if any, with when it was marked paid (null: not paid). */
export function claimPaidAt(db: Db, personId: number): { paidAt: Date | null } | undefined {
  return db.select({ paidAt: compensationClaims.paidAt }).from(compensationClaims).where(eq(compensationClaims.personId, personId)).get();
}

export function countUnpaidClaims(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(compensationClaims).where(sql`${compensationClaims.paidAt} IS NULL`).get()?.n ?? 0;
}

/** The days these people were checked in on, as "event/day". */
export function checkedInDays(db: Db, personIds: number[]): Map<number, Set<string>> {
  const present = new Map<number, Set<string>>();
  const rows = db
    .select({ personId: attendance.personId, eventId: attendance.eventId, day: attendance.day })
    .from(attendance)
    .where(and(inArray(attendance.personId, personIds), isNotNull(attendance.checkedInAt)))
    .all();
  for (const r of rows) {
    let set = present.get(r.personId);
    if (!set) present.set(r.personId, (set = new Set()));
    set.add(`${r.eventId}/${r.day}`);
  }
  return present;
}

/** Who has given their bank details already. */
export function claimantIds(db: Db): Set<number> {
  return new Set(db.select({ id: compensationClaims.personId }).from(compensationClaims).all().map((r) => r.id));
}

export interface ClaimValues {
  holder: string;
  iban: string;
  amountCents: number;
  currency: string;
  reference: string;
  confirmedAt: Date;
}

/** Saves (or, before any export, replaces) a claim; 'locked' once exported or paid. */
export function upsertClaim(db: Db, personId: number, values: ClaimValues): 'saved' | 'locked' {
  const existing = db.select({ exportedAt: compensationClaims.exportedAt, paidAt: compensationClaims.paidAt }).from(compensationClaims).where(eq(compensationClaims.personId, personId)).get();
  if (existing && (existing.exportedAt || existing.paidAt)) return 'locked';
  db.insert(compensationClaims)
    .values({ personId, ...values })
    .onConflictDoUpdate({ target: compensationClaims.personId, set: values })
    .run();
  return 'saved';
}

export function claimOf(db: Db, personId: number) {
  return db.select().from(compensationClaims).where(eq(compensationClaims.personId, personId)).get();
}

export function claimByReference(db: Db, reference: string) {
  return db.select().from(compensationClaims).where(eq(compensationClaims.reference, reference)).get();
}

/** Whether a payment with this reference is on record (the claim itself may be erased since). */
export function paymentRecorded(db: Db, reference: string): boolean {
  return db.select({ reference: paymentRecords.reference }).from(paymentRecords).where(eq(paymentRecords.reference, reference)).get() !== undefined;
}

/** Claims confirmed and not paid yet, with the pseudonym for the organisers' list. */
export function unpaidClaims(db: Db) {
  return db
    .select({
      personId: compensationClaims.personId,
      pseudonym: people.pseudonym,
      holder: compensationClaims.holder,
      iban: compensationClaims.iban,
      amountCents: compensationClaims.amountCents,
      currency: compensationClaims.currency,
      reference: compensationClaims.reference,
      batch: compensationClaims.batch,
    })
    .from(compensationClaims)
    .innerJoin(people, eq(people.id, compensationClaims.personId))
    .where(isNull(compensationClaims.paidAt))
    .orderBy(compensationClaims.reference)
    .all();
}

/** The claim is marked paid and the accounting record is kept apart (no person id). */
export function recordPayment(db: Db, claim: NonNullable<ReturnType<typeof claimOf>>, now: Date): void {
  db.update(compensationClaims).set({ paidAt: now }).where(eq(compensationClaims.personId, claim.personId)).run();
  db.insert(paymentRecords)
    .values({ reference: claim.reference, holder: claim.holder, iban: claim.iban, amountCents: claim.amountCents, currency: claim.currency, batch: claim.batch, paidAt: now })
    .onConflictDoNothing()
    .run();
}

/** Marks the claims of a written batch as exported. */
export function markExported(db: Db, batch: string, references: string[], now: Date): void {
  db.update(compensationClaims).set({ batch, exportedAt: now }).where(inArray(compensationClaims.reference, references)).run();
}

/** A payment file written by `compensation export`, if panelbot wrote one with this batch id. */
export function paymentBatch(db: Db, id: string) {
  return db.select().from(paymentBatches).where(eq(paymentBatches.id, id)).get();
}

/** The batch that replaced `againOf` (an explicit `--again` export), if `id` is that batch. */
export function batchReplacing(db: Db, id: string, againOf: string) {
  return db.select().from(paymentBatches).where(and(eq(paymentBatches.id, id), eq(paymentBatches.againOf, againOf))).get();
}

export function insertPaymentBatch(db: Db, batch: { id: string; createdAt: Date; count: number; totalCents: number; againOf: string | null }): void {
  db.insert(paymentBatches).values(batch).run();
}

export function paymentRecordOf(db: Db, reference: string) {
  return db.select().from(paymentRecords).where(eq(paymentRecords.reference, reference)).get();
}

/** The claim goes (the payment record stays): a person erased while their payment was at the bank. */
export function deleteClaim(db: Db, personId: number): void {
  db.delete(compensationClaims).where(eq(compensationClaims.personId, personId)).run();
}

/** Payment records of payments made before `paidBefore`: their keeping period is over. */
export function deletePaymentRecordsPaidBefore(db: Db, paidBefore: Date): number {
  return db.delete(paymentRecords).where(lt(paymentRecords.paidAt, paidBefore)).run().changes;
}
