// Broadcast: reminders queued in the outbox for every registered person, sent by the outbox
// dispatcher through panelbot's Telegram channel (startTelegram, its real paced sender) to a local
// Bot API that allows 30 messages a second. Two ways of driving the dispatcher:
//  - drained: one tick after the other until the outbox is empty (what the dispatcher and the
//    sender can do), over the whole count, with duplicates and losses checked;
//  - as `serve` runs it: the Scheduler with its defaults, over a fixed window.
import path from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createApp } from '../../src/app';
import { readSettings } from '../../src/config/settings';
import { startTelegram } from '../../src/bots/telegram';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { Scheduler } from '../../src/scheduler';
import { enqueue } from '../../src/db/repos/outbox';
import { identities, outbox } from '../../src/db/schema/index';
import { BENCH_TOKEN } from '../local-bot-api';
import { seededDb } from '../population';
import { RateLimitedBotApi } from '../rate-limited-bot-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(spec: { dir: string; count: number; windowSeconds: number; cap: number; paceGapMs?: number }) {
  const file = path.join(spec.dir, 'broadcast.db');
  const windowPeople = Math.ceil(spec.windowSeconds * spec.cap * 1.2);
  seededDb(file, spec.count + windowPeople);
  const api = await RateLimitedBotApi.start(spec.cap);
  const app = createApp({ dbPath: file });
  const settings = readSettings({ TELEGRAM_BOT_TOKEN: BENCH_TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
  const telegram = await startTelegram(app, settings, { err: () => {} }, { pollTimeoutSeconds: 1, ...(spec.paceGapMs !== undefined ? { pace: { globalGapMs: spec.paceGapMs } } : {}) });
  const { db } = app;

  const queue = (ids: number[], tag: string) => {
    const now = app.services.clock.now();
    const payload = {
      template: {
        key: 'reminders:upcoming.place',
        params: {
          title: { $lang: { fr: 'Journée 1', nl: 'Dag 1', de: 'Tag 1', en: 'Day 1' } },
          date: { $date: '2027-02-20T09:30:00+01:00' },
          time: { $time: '2027-02-20T09:30:00+01:00' },
          where: 'Brussels',
        },
      },
    };
    db.$client.transaction(() => {
      for (const personId of ids) {
        enqueue(db, { personId, kind: 'reminder', payload, dueAt: new Date(now.getTime() - 1000), expiresAt: new Date(now.getTime() + 6 * 3_600_000), idempotencyKey: `bench-${tag}-${personId}` }, now);
      }
    })();
  };
  const chatOf = (ids: number[]) => new Map(db.select({ personId: identities.personId, userId: identities.userId }).from(identities).where(inArray(identities.personId, ids)).all().map((r) => [Number(r.userId), r.personId]));
  const tally = (ids: number[]) => {
    const chats = chatOf(ids);
    let duplicates = 0;
    let lost = 0;
    for (const chat of chats.keys()) {
      const n = api.accepted.get(chat) ?? 0;
      if (n === 0) lost++;
      else duplicates += n - 1;
    }
    return { duplicates, lost };
  };
  const pending = () => db.select({ n: count() }).from(outbox).where(and(inArray(outbox.status, ['pending', 'claimed']), eq(outbox.kind, 'reminder'))).get()!.n;

  // 1. Drained.
  const drainIds = Array.from({ length: spec.count }, (_, i) => i + 1);
  queue(drainIds, 'drain');
  const dispatcher = new Dispatcher({ services: app.services, senders: [telegram.sender] });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let ticks = 0;
  while (pending() > 0) {
    const report = await dispatcher.tick();
    ticks++;
    if (report.claimed === 0) await sleep(100); // rows waiting for a retry time
  }
  const drainMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sentStatus = db.select({ n: count() }).from(outbox).where(and(eq(outbox.status, 'sent'), eq(outbox.kind, 'reminder'))).get()!.n;
  const drained = {
    count: spec.count,
    accepted: api.acceptedTotal,
    refused429: api.refused429,
    seconds: drainMs / 1000,
    perSecond: api.acceptedTotal / ((api.lastAcceptedAt - t0) / 1000),
    ticks,
    cpuMs: (cpu.user + cpu.system) / 1000,
    markedSent: sentStatus,
    ...tally(drainIds),
  };

  // 2. As serve runs it (Scheduler defaults), over a window.
  api.reset();
  const windowIds = Array.from({ length: windowPeople }, (_, i) => spec.count + i + 1);
  queue(windowIds, 'window');
  const scheduler = new Scheduler({ services: app.services, senders: [telegram.sender] });
  const w0 = performance.now();
  scheduler.start();
  await sleep(spec.windowSeconds * 1000);
  const windowMs = performance.now() - w0;
  const windowAccepted = api.acceptedTotal;
  await scheduler.stop();
  const window = { seconds: windowMs / 1000, accepted: windowAccepted, perSecond: windowAccepted / (windowMs / 1000), refused429: api.refused429 };

  await telegram.stop();
  app.close();
  await api.close();
  return { cap: spec.cap, drained, window };
}
