// The compensation: who is entitled (the configured rule, read from check-ins), asking them for
// their bank details, the payment files, and recording payments.
//
// Rule all_days: checked in (attendance.checkedInAt set) on every day of every weekend event.
// Rule any_day: checked in on at least one weekend day. An attendance answer "yes" is an intention,
// not a presence, so it does not count.
import { inTransaction, type Db } from '../../db/client';
import { batchReplacing, checkedInDays, claimByReference, claimantIds, deleteClaim, paymentBatch, paymentRecordOf, recordPayment, upsertClaim } from '../../db/repos/compensation';
import { getPerson } from '../../db/repos/people';
import { enqueue } from '../../db/repos/outbox';
import type { PanelConfig } from '../panel/config';
import type { Services } from '../conversation/flow';
import { panelCalendar } from '../panel/calendar';
import { participants } from '../followup/audience';

export function amountCents(config: PanelConfig): number {
  return Math.round(config.compensation.amount * 100);
}

/** Participants who meet the compensation rule. */
export function entitledPeople(db: Db, config: PanelConfig): number[] {
  // The weekends' effective days: a moved weekend counts on its new dates.
  const calendar = panelCalendar(db, config);
  const days = calendar.weekends().flatMap((e) => calendar.days(e).map((day) => `${e.id}/${day}`));
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
  const window = panelCalendar(db, config).momentWindow({ when: 'after_last_weekend', ...config.compensation.ask });
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
          payload: {
            template: { key: 'compensation:ask', params: { amount: config.compensation.amount, currency: config.compensation.currency } },
            // The question goes on the conversation when the message is sent, not before it arrives.
            push: { flow: 'compensation', step: 'holder', data: {} },
          },
          dueAt: now,
          expiresAt: window.until,
          idempotencyKey: `compensation:ask:${personId}`,
          essential: true,
          priority: 4,
        },
        now,
      );
      if (!fresh) continue;
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

/** One line of a payment file given to `mark-paid`. */
export interface PaidEntry {
  reference: string;
  batch: string;
  /** The line in the file, for messages. */
  line: number;
}

export interface MarkPaidResult {
  paid: string[];
  alreadyPaid: string[];
  /** Why the file was refused, one per line: when any, nothing was recorded. */
  problems: string[];
}

type Claim = NonNullable<ReturnType<typeof claimByReference>>;

/** Checks one line against what was exported: the claim to pay (none when already paid), or the problem. */
function checkEntry(db: Db, entry: PaidEntry): { problem: string } | { claim: Claim | undefined } {
  const at = `line ${entry.line}`;
  if (!entry.reference) return { problem: `${at}: no reference` };
  if (!entry.batch) return { problem: `${at}: no batch (mark-paid takes the CSV that "compensation export" wrote)` };
  if (!paymentBatch(db, entry.batch)) return { problem: `${at}: batch ${entry.batch} was not exported by panelbot` };
  const kept = paymentRecordOf(db, entry.reference);
  if (kept) return kept.batch === entry.batch ? { claim: undefined } : { problem: `${at}: ${entry.reference} was already paid in batch ${kept.batch}` };
  const claim = claimByReference(db, entry.reference);
  if (!claim) return { problem: `${at}: ${entry.reference} is not a payment panelbot knows` };
  if (claim.batch === entry.batch) return { claim };
  if (!claim.batch) return { problem: `${at}: ${entry.reference} was never exported` };
  if (batchReplacing(db, claim.batch, entry.batch)) {
    return { problem: `${at}: batch ${entry.batch} was exported again as ${claim.batch}; mark that file paid once the bank has executed it` };
  }
  return { problem: `${at}: ${entry.reference} belongs to batch ${claim.batch}, not ${entry.batch}` };
}

/**
 * Records the payments of an exported file: every line must name a batch panelbot exported and a
 * reference exported in exactly that batch, or the whole file is refused and nothing changes. The
 * accounting record is kept apart (no person id), the claim is marked paid, and the participant is
 * told. Marking the same file twice changes nothing. A person erased while their payment was in
 * the bank's hands loses the claim now: only the accounting record stays.
 */
export function markPaid(db: Db, entries: PaidEntry[], now: Date): MarkPaidResult {
  const result: MarkPaidResult = { paid: [], alreadyPaid: [], problems: [] };
  inTransaction(db, () => {
    const checked = entries.map((entry) => ({ entry, check: checkEntry(db, entry) }));
    for (const { check } of checked) if ('problem' in check) result.problems.push(check.problem);
    if (result.problems.length > 0) return;
    const seen = new Set<string>();
    for (const { entry, check } of checked) {
      if (seen.has(entry.reference)) continue;
      seen.add(entry.reference);
      const claim = 'claim' in check ? check.claim : undefined;
      if (!claim || claim.paidAt) {
        result.alreadyPaid.push(entry.reference);
        continue;
      }
      recordPayment(db, claim, now);
      if (getPerson(db, claim.personId)?.status === 'erased') {
        deleteClaim(db, claim.personId);
      } else {
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
      }
      result.paid.push(entry.reference);
    }
  });
  return result;
}
