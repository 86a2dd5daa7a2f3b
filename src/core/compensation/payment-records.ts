// The accounting records of payments made (holder, IBAN, amount, date): kept apart from the person,
// also after their erasure, for compensation.keepPaymentYears after the payment, then erased.
import type { Db } from '../../db/client';
import { deletePaymentRecordsPaidBefore } from '../../db/repos/compensation';
import type { PanelConfig } from '../panel/config';

/** The day a payment's record is erased. */
export function paymentKeptUntil(paidAt: Date, config: PanelConfig): Date {
  const until = new Date(paidAt);
  until.setUTCFullYear(until.getUTCFullYear() + config.compensation.keepPaymentYears);
  return until;
}

/** Erases the records whose keeping period is over; returns how many. */
export function purgeExpiredPaymentRecords(db: Db, config: PanelConfig, now: Date): number {
  const paidBefore = new Date(now);
  paidBefore.setUTCFullYear(paidBefore.getUTCFullYear() - config.compensation.keepPaymentYears);
  return deletePaymentRecordsPaidBefore(db, paidBefore);
}
