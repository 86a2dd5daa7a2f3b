// A panel after the draw: a cohort of registrants, all selected and confirmed, each reachable in the chat.
import { inArray } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/index';
import { seedCohort } from '../helpers/cohort';
import type { TestPanel, TestUser } from '../helpers/chat';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import type { ChannelSender } from '../../src/core/outbox/ports';

export interface Participant {
  id: number;
  user: TestUser;
}

export function confirmedCohort(panel: TestPanel, size: number, seed = 7): Participant[] {
  const db = panel.app.db;
  const ids = seedCohort(db, size, panel.clock.now(), seed);
  db.update(registrations).set({ selection: 'selected', participation: 'confirmed' }).where(inArray(registrations.personId, ids)).run();
  return ids.map((id, i) => ({ id, user: panel.user(`cohort-${seed}-${i}`) }));
}

/** The moments of the example panel (panel.example.yaml). */
export const MOMENTS = {
  pre: '2027-02-16T18:00:00+01:00',
  post: '2027-04-19T18:00:00+02:00',
  evaluation: '2027-04-21T18:00:00+02:00',
  compensation: '2027-04-19T10:00:00+02:00',
  // The ceremony ends 22 May 17:00 (+02:00); six months later on the panel's clock: 22 November 17:00 (+01:00).
  retention: '2027-11-22T17:00:00+01:00',
};

/**
 * The outbox sends what is due, as the scheduler would: a message that asks a question (a
 * questionnaire, the bank details) puts it on the person's conversation when it is sent.
 */
export async function sendDue(panel: TestPanel): Promise<number> {
  const sender: ChannelSender = { channel: 'console', isReady: () => true, send: async () => ({ ok: true }) };
  const dispatcher = new Dispatcher({ services: panel.app.services, senders: [sender], batchSize: 1000 });
  let sent = 0;
  for (;;) {
    const report = await dispatcher.tick();
    sent += report.sent;
    if (report.claimed === 0) return sent;
  }
}
