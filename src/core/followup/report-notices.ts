// The final report, once it is out (report-published.ts: links configured, last event over, publishedOn reached): sent once to every participant and
// to everyone who asked for it ("report") before it was published. Called at every scheduler tick;
// the outbox's idempotency key makes it once per person, whenever the links appear.
import { inTransaction, type Db } from '../../db/client';
import { enqueue } from '../../db/repos/outbox';
import { reportRequesters, requestReport } from '../../db/repos/followup';
import type { Services } from '../conversation/flow';
import { participants } from './audience';
import { publishedReport } from './report-published';

export const reportNoticeKey = (personId: number) => `report:${personId}`;

export { requestReport };

/** Queues the report for those who should get it and have not yet; returns how many were queued. */
export function planReportNotices(services: Pick<Services, 'db' | 'config' | 'log'>, now: Date): number {
  const { db, config, log } = services;
  // Only once the report is out: never while the panel is still going on (the last event moved included).
  const links = publishedReport(db, config, now);
  if (!links) return 0;
  const queued = inTransaction(db, () => {
    const askedFor = reportRequesters(db);
    // News, not essential: participants who chose essential messages only are not sent it unasked.
    const audience = new Set([...participants(db, { includeEssentialOnly: false }), ...askedFor]);
    let n = 0;
    for (const personId of audience) {
      const fresh = enqueue(
        db,
        {
          personId,
          kind: 'broadcast',
          // Asked for: they get it even with essential messages only.
          essential: askedFor.includes(personId),
          payload: { template: { key: 'followup:reportPublished', params: { link: { $lang: links } } } },
          dueAt: now,
          idempotencyKey: reportNoticeKey(personId),
        },
        now,
      );
      if (fresh) n++;
    }
    return n;
  });
  if (queued > 0) log.info({ people: queued }, 'final report queued');
  return queued;
}
