// The compensation: who is entitled (the configured rule, read from check-ins), asking them for
// their bank details, the payment files, and recording payments.
//
// Rule all_days: checked in (attendance.checkedInAt set) on every day of every weekend event.
// Rule any_day: checked in on at least one weekend day. An attendance answer "yes" is an intention,
// not a presence, so it does not count.
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { inTransaction, type Db } from '../../db/client';
import { attendance, compensationClaims, paymentRecords, people } from '../../db/schema/index';
import { enqueue } from '../../db/repos/outbox';
import type { PanelConfig } from '../panel/config';
import type { Services } from '../conversation/flow';
import { eventDays, momentWindow, weekends } from '../followup/moments';
import { participants, pushQuestion } from '../followup/audience';

export function amountCents(config: PanelConfig): number {
  return Math.round(config.compensation.amount * 100);
}

/** Participants who meet the compensation rule. */
export function entitledPeople(db: Db, config: PanelConfig): number[] {
  const days = weekends(config).flatMap((e) => eventDays(e, config.panel.timezone).map((day) => `${e.id}/${day}`));
  if (days.length === 0) return [];
  const ids = participants(db, { includeEssentialOnly: true });
  if (ids.length === 0) return [];
  const present = new Map<number, Set<string>>();
  const rows = db
    .select({ personId: attendance.personId, eventId: attendance.eventId, day: attendance.day })
    .from(attendance)
    .where(and(inArray(attendance.personId, ids), isNotNull(attendance.checkedInAt)))
    .all();
  for (const r of rows) {
    let set = present.get(r.personId);
    if (!set) present.set(r.personId, (set = new Set()));
    set.add(`${r.eventId}/${r.day}`);
  }
  return ids.filter((id) => {
    const set = present.get(id);
    if (!set) return false;
    return config.compensation.rule === 'all_days' ? days.every((d) => set.has(d)) : days.some((d) => set.has(d));
  });
}

export function compensationReference(pseudonym: string): string {
  return `PANEL-${pseudonym}`.replace(/[^A-Za-z0-9-]/g, '').slice(0, 35);
}

/** Asks each entitled participant for their bank details, once, when the moment has come. */
export function planCompensation(services: Pick<Services, 'db' | 'config' | 'log'>, now: Date): number {
  const { db, config, log } = services;
  const window = momentWindow(config, { when: 'after_last_weekend', ...config.compensation.ask });
  if (!window || now < window.from || now > window.until) return 0;
  const count = inTransaction(db, () => {
    const claimed = new Set(db.select({ id: compensationClaims.personId }).from(compensationClaims).all().map((r) => r.id));
    let n = 0;
    for (const personId of entitledPeople(db, config)) {
      if (claimed.has(personId)) continue;
      const fresh = enqueue(
        db,
        {
          personId,
          kind: 'system',
          payload: { template: { key: 'compensation:ask', params: { amount: config.compensation.amount, currency: config.compensation.currency } } },
          dueAt: now,
          expiresAt: window.until,
          idempotencyKey: `compensation:ask:${personId}`,
          essential: true,
          priority: 4,
        },
        now,
      );
      if (!fresh) continue;
      pushQuestion(db, personId, { flow: 'compensation', step: 'holder', data: {} }, now);
      n++;
    }
    return n;
  });
  if (count > 0) log.info({ count }, 'compensation requests queued');
  return count;
}

export interface ClaimInput {
  personId: number;
  pseudonym: string;
  holder: string;
  iban: string;
}

/** Saves (or, before any export, replaces) a participant's confirmed bank details. */
export function saveClaim(db: Db, config: PanelConfig, claim: ClaimInput, now: Date): 'saved' | 'locked' {
  const existing = db.select({ exportedAt: compensationClaims.exportedAt, paidAt: compensationClaims.paidAt }).from(compensationClaims).where(eq(compensationClaims.personId, claim.personId)).get();
  if (existing && (existing.exportedAt || existing.paidAt)) return 'locked';
  const values = {
    holder: claim.holder,
    iban: claim.iban,
    amountCents: amountCents(config),
    currency: config.compensation.currency,
    reference: compensationReference(claim.pseudonym),
    confirmedAt: now,
  };
  db.insert(compensationClaims)
    .values({ personId: claim.personId, ...values })
    .onConflictDoUpdate({ target: compensationClaims.personId, set: values })
    .run();
  return 'saved';
}

export function claimOf(db: Db, personId: number) {
  return db.select().from(compensationClaims).where(eq(compensationClaims.personId, personId)).get();
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

export interface MarkPaidResult {
  paid: string[];
  alreadyPaid: string[];
  unknown: string[];
}

/**
 * Records payments by reference: the accounting record is kept apart (no person id), the claim is
 * marked paid, and the participant is told. Marking the same file twice changes nothing.
 */
export function markPaid(db: Db, references: string[], now: Date): MarkPaidResult {
  const result: MarkPaidResult = { paid: [], alreadyPaid: [], unknown: [] };
  inTransaction(db, () => {
    for (const reference of [...new Set(references)]) {
      const claim = db.select().from(compensationClaims).where(eq(compensationClaims.reference, reference)).get();
      if (!claim) {
        const kept = db.select({ reference: paymentRecords.reference }).from(paymentRecords).where(eq(paymentRecords.reference, reference)).get();
        (kept ? result.alreadyPaid : result.unknown).push(reference);
        continue;
      }
      if (claim.paidAt) {
        result.alreadyPaid.push(reference);
        continue;
      }
      db.update(compensationClaims).set({ paidAt: now }).where(eq(compensationClaims.personId, claim.personId)).run();
      db.insert(paymentRecords)
        .values({ reference, holder: claim.holder, iban: claim.iban, amountCents: claim.amountCents, currency: claim.currency, batch: claim.batch, paidAt: now })
        .onConflictDoNothing()
        .run();
      enqueue(
        db,
        {
          personId: claim.personId,
          kind: 'system',
          payload: { template: { key: 'compensation:paid', params: { amount: claim.amountCents / 100, currency: claim.currency } } },
          dueAt: now,
          idempotencyKey: `compensation:paid:${claim.personId}`,
          essential: true,
          priority: 4,
        },
        now,
      );
      result.paid.push(reference);
    }
  });
  return result;
}
