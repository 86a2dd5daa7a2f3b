// The compensation: who is entitled (the configured rule, read from check-ins), asking them for
// their bank details, the payment files, and recording payments.
//
// Rule all_days: checked in (attendance.checkedInAt set) on every day of every weekend event.
// Rule any_day: checked in on at least one weekend day. An attendance answer "yes" is an intention,
// not a presence, so it does not count.
import { inTransaction, type Db } from '../../db/client';
import { checkedInDays, claimByReference, claimantIds, paymentRecorded, recordPayment, upsertClaim } from '../../db/repos/compensation';
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
  const present = checkedInDays(db, ids);
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
    const claimed = claimantIds(db);
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
  const values = {
    holder: claim.holder,
    iban: claim.iban,
    amountCents: amountCents(config),
    currency: config.compensation.currency,
    reference: compensationReference(claim.pseudonym),
    confirmedAt: now,
  };
  return upsertClaim(db, claim.personId, values);
}

export { claimOf, unpaidClaims } from '../../db/repos/compensation';

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
      const claim = claimByReference(db, reference);
      if (!claim) {
        (paymentRecorded(db, reference) ? result.alreadyPaid : result.unknown).push(reference);
        continue;
      }
      if (claim.paidAt) {
        result.alreadyPaid.push(reference);
        continue;
      }
      recordPayment(db, claim, now);
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
