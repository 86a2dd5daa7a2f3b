// One call for the scheduler's tick: everything after the panel that depends on the date.
// Each part is idempotent (outbox idempotency keys; retention skips the erased), so any tick
// interval works; once a minute is plenty.
import type { Services } from '../conversation/flow';
import { planSurveys } from './plan-surveys';
import { planCompensation } from '../compensation/compensation';
import { runRetention } from '../privacy/retention';
import { planReportNotices } from './report-notices';
import { purgeExpiredPaymentRecords } from '../compensation/payment-records';

export function followUpTick(services: Pick<Services, 'db' | 'config' | 'log'>, now: Date): { surveys: number; compensation: number; reports: number; erased: number } {
  const surveys = planSurveys(services, now);
  const compensation = planCompensation(services, now);
  const reports = planReportNotices(services, now);
  const erased = runRetention(services, now).people;
  const purged = purgeExpiredPaymentRecords(services.db, services.config, now);
  if (purged > 0) services.log.info({ count: purged }, 'payment records past their keeping period erased');
  return { surveys, compensation, reports, erased };
}
