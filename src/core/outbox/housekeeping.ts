// Housekeeping at each scheduler tick: the inbound log is only needed while a platform may still
// redeliver a message (Telegram keeps updates for 24 hours), so delivered entries go after a week.
import type { Services } from '../conversation/flow';
import { pruneInboundLog } from '../../db/repos/inbound-log';

export const INBOUND_LOG_DAYS = 7;

export function housekeeping(services: Pick<Services, 'db'>, now: Date): number {
  return pruneInboundLog(services.db, new Date(now.getTime() - INBOUND_LOG_DAYS * 24 * 3600_000));
}
