// Retention: at the panel's end plus retention.monthsAfterEnd, everyone's personal data is erased
// the way a person's erasure request is (src/db/repos/privacy.ts erasePerson): identities,
// conversations, needs, tickets and every other row that points to the person go; the registration
// keeps only what anonymous statistics need; people.status becomes 'erased'. The survey key goes
// with the person (it references them), so the answers, which never held a person id, become
// anonymous for good. Kept apart: payment_records, which accounting law requires and which hold no
// person id (erased after compensation.keepPaymentYears, see compensation/payment-records.ts). A
// claim in a payment file the bank may execute stays until `mark-paid`; one never exported is erased
// too. Both are counted in the alert as not marked paid.
import { inTransaction, type Db } from '../../db/client';
import { claimPaidAt, countUnpaidClaims } from '../../db/repos/compensation';
import { personIdsNotErased } from '../../db/repos/people';
import { raiseAlert } from '../../db/repos/alerts';
import { audit } from '../../db/repos/audit';
import { erasePerson as eraseOnePerson } from './erase';
import type { Services } from '../conversation/flow';
import type { PanelConfig } from '../panel/config';
import { panelCalendar } from '../panel/calendar';

/** Erases one person at the end of retention; true when an unpaid compensation claim was erased. */
export function erasePersonAtRetention(db: Db, personId: number, now: Date): boolean {
  return inTransaction(db, () => {
    const claim = claimPaidAt(db, personId);
    eraseOnePerson(db, personId);
    audit(db, 'retention', 'erase_person', `person:${personId}`, now);
    return claim !== undefined && !claim.paidAt;
  });
}

export interface RetentionResult {
  due: Date;
  ran: boolean;
  /** People erased (or, in a dry run, who would be). */
  people: number;
  /** Erased people whose compensation was confirmed but never marked paid. */
  unpaidClaims: number;
}

/** The effective end of the panel (moves included) plus the retention period. */
export function retentionDue(db: Db, config: PanelConfig): Date {
  return panelCalendar(db, config).retentionDue(config.retention.monthsAfterEnd);
}

/** Erases everyone once the retention period is over (for the scheduler and `panelbot retention run`). */
export function runRetention(services: Pick<Services, 'db' | 'config' | 'log'>, now: Date, options: { dryRun?: boolean } = {}): RetentionResult {
  const { db, config, log } = services;
  const due = retentionDue(db, config);
  if (now < due) return { due, ran: false, people: 0, unpaidClaims: 0 };
  const ids = personIdsNotErased(db);
  if (options.dryRun) {
    const unpaid = countUnpaidClaims(db);
    return { due, ran: false, people: ids.length, unpaidClaims: unpaid };
  }
  let unpaidClaims = 0;
  for (const id of ids) if (erasePersonAtRetention(db, id, now)) unpaidClaims++;
  if (ids.length > 0) {
    raiseAlert(db, 'retention_erased', { people: ids.length, unpaidClaims }, now);
    log.info({ people: ids.length, unpaidClaims }, 'retention: personal data erased');
  }
  return { due, ran: true, people: ids.length, unpaidClaims };
}
