// Nothing goes out after its expiry, whatever the batch or the pace: the dispatcher claims a batch
// at once, but each message is checked again at the moment it leaves the channel's paced queue.
// Telegram at ~29 messages a second and WhatsApp at a human pace (seconds per message), each with
// the panel's clock following the adapter's time.
import type { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { ManualClock } from '../../src/core/panel/clock';
import { enqueue } from '../../src/db/repos/outbox';
import { findPersonByAddress } from '../../src/db/repos/people';
import { outbox } from '../../src/db/schema/index';
import { VirtualTiming } from '../fakes/virtual-timing';
import { testPanel } from '../helpers/chat';
import { telegramHarness, type TelegramHarness } from '../helpers/telegram';
import { waHarness, type WaHarness, type ManualTiming } from '../whatsapp/harness';

let tg: TelegramHarness | undefined;
let wa: WaHarness | undefined;
afterEach(async () => {
  await tg?.close();
  await wa?.close();
  tg = wa = undefined;
});

/** Virtual Telegram time that moves the panel's clock along with it. */
class LinkedTiming extends VirtualTiming {
  clock: ManualClock | undefined;
  override sleep(ms: number): Promise<void> {
    this.clock?.advance(Math.max(0, ms));
    return super.sleep(ms);
  }
}

/** The panel's clock, plus however far the WhatsApp harness's time has moved. */
class FollowingClock extends ManualClock {
  timing: ManualTiming | undefined;
  override now(): Date {
    return new Date(super.now().getTime() + (this.timing?.now() ?? 0));
  }
}

const statusCounts = (db: TelegramHarness['panel']['app']['db']) =>
  Object.fromEntries(
    (db.$client.prepare("SELECT status || coalesce(':' || skip_reason, '') AS s, count(*) AS n FROM outbox GROUP BY s").all() as Array<{ s: string; n: number }>).map((r) => [r.s, r.n]),
  );

describe('expiry checked at the moment of sending', () => {
  it('Telegram: of 100 reminders claimed at once and expiring in a second, only those sent within that second go', async () => {
    const timing = new LinkedTiming();
    tg = await telegramHarness({ bot: { timing } });
    const { app, clock } = tg.panel;
    timing.clock = clock;
    // The moment each message leaves the paced queue (grammY's call; it reaches the fake a little later).
    const sentAt = new Map<number, number>();
    const api = (tg.bot.sender as unknown as { api: Api }).api;
    const sendMessage = api.sendMessage.bind(api);
    api.sendMessage = (chatId, ...rest) => {
      sentAt.set(Number(chatId), clock.now().getTime());
      return sendMessage(chatId, ...rest);
    };

    const start = clock.now();
    const expiresAt = new Date(start.getTime() + 1000);
    for (let i = 0; i < 100; i++) {
      enqueue(app.db, { personId: null as unknown as number, kind: 'reminder', payload: { outbound: { text: `reminder ${i}` } }, dueAt: start, expiresAt, idempotencyKey: `r${i}`, channel: 'telegram', userId: String(9000 + i) }, start);
    }
    const dispatcher = new Dispatcher({ services: app.services, senders: [tg.bot.sender], batchSize: 100 });
    const report = await dispatcher.tick();

    expect(report.claimed).toBe(100);
    const late = [...sentAt.values()].filter((t) => t > expiresAt.getTime());
    expect(late).toEqual([]);
    // 34 ms between two sends: about 30 fit in the second.
    expect(sentAt.size).toBeGreaterThanOrEqual(25);
    expect(sentAt.size).toBeLessThanOrEqual(31);
    expect(tg.fake.sent.map((m) => m.chatId).sort()).toEqual([...sentAt.keys()].sort());
    expect(statusCounts(app.db)).toEqual({ sent: sentAt.size, 'skipped:too_late': 100 - sentAt.size });
    expect(report).toMatchObject({ sent: sentAt.size, skipped: 100 - sentAt.size });
  });

  it('WhatsApp: at a human pace, the reminders whose event starts meanwhile are skipped, not sent late', async () => {
    const clock = new FollowingClock('2027-01-15T10:00:00+01:00');
    wa = await waHarness({ panel: testPanel({ clock }) });
    clock.timing = wa.timing;
    await wa.connect();
    const people = [];
    for (let i = 0; i < 6; i++) {
      const p = wa.person(`+32 474 11 00 ${String(10 + i)}`);
      await p.says('Hallo');
      people.push(p);
    }
    const { db } = wa.panel.app;
    const now = clock.now();
    // The gap between two people is 6.5 s here (4-9 s, the random draw at 0.5): the event starts in 15 s.
    const expiresAt = new Date(now.getTime() + 15_000);
    for (const p of people) {
      const person = findPersonByAddress(db, { channel: 'whatsapp', userId: p.chatId })!;
      enqueue(db, { personId: person.id, kind: 'reminder', payload: { outbound: { text: 'The panel starts soon' } }, dueAt: now, expiresAt, idempotencyKey: `r:${person.id}` }, now);
    }
    const sentAt: number[] = [];
    const send = wa.port.sendMessage.bind(wa.port);
    wa.port.sendMessage = (chatId, text) => {
      if (text.includes('starts soon')) sentAt.push(clock.now().getTime());
      return send(chatId, text);
    };
    const dispatcher = new Dispatcher({ services: wa.panel.app.services, senders: [wa.wa.sender] });
    const report = await wa.timing.run(dispatcher.tick());

    expect(report.claimed).toBe(6);
    expect(sentAt.length).toBeGreaterThanOrEqual(2);
    expect(sentAt.length).toBeLessThan(6);
    expect(sentAt.filter((t) => t > expiresAt.getTime())).toEqual([]);
    expect(statusCounts(db)).toEqual({ sent: sentAt.length, 'skipped:too_late': 6 - sentAt.length });
    const skipped = db.select().from(outbox).where(eq(outbox.status, 'skipped')).all();
    expect(skipped.every((r) => r.skipReason === 'too_late' && r.sentAt === null)).toBe(true);
  });
});
