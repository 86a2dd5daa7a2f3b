// Each channel sends at its own pace: a WhatsApp broadcast going out at a human pace (seconds per
// message) never holds up a Telegram reminder or an organiser's reply on another channel.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Scheduler } from '../../src/scheduler';
import type { ChannelKind, Outbound } from '../../src/core/conversation/messages';
import type { ChannelSender, DeliveryResult } from '../../src/core/outbox/ports';
import { enqueue } from '../../src/db/repos/outbox';
import { identities, outbox } from '../../src/db/schema/index';
import { schedulingPanel, type SchedulingPanel } from './helpers';

/** A platform whose sends finish only when the test lets them (or at once, for a fast one). */
class HeldSender implements ChannelSender {
  readonly sent: string[] = [];
  private readonly held: Array<() => void> = [];
  constructor(
    readonly channel: ChannelKind,
    private readonly hold: boolean,
  ) {}
  isReady() {
    return true;
  }
  async send(userId: string, _message: Outbound): Promise<DeliveryResult> {
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    this.sent.push(userId);
    return { ok: true };
  }
  get waiting() {
    return this.held.length;
  }
  releaseAll() {
    for (const release of this.held.splice(0)) release();
  }
}

let panel: SchedulingPanel | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  panel?.close();
});

/** Waits for a condition, letting what is in flight settle first. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && (i === 0 || !condition()); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

/** A person reachable on one channel only. */
function personOn(p: SchedulingPanel, user: string, channel: ChannelKind): number {
  const id = p.add({ user });
  p.app.db.update(identities).set({ channel }).where(eq(identities.personId, id)).run();
  return id;
}

function broadcast(p: SchedulingPanel, personId: number, key: string, kind: 'broadcast' | 'reply' = 'broadcast'): void {
  enqueue(p.app.db, { personId, kind, payload: { outbound: { text: `news ${key}` } }, dueAt: p.clock.now(), idempotencyKey: key }, p.clock.now());
}

describe('one dispatch loop per channel', () => {
  it('sends on Telegram while a WhatsApp broadcast is still going out', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const whatsapp = new HeldSender('whatsapp', true);
    const telegram = new HeldSender('telegram', false);
    const onWhatsApp = ['wa1', 'wa2', 'wa3'].map((u) => personOn(panel!, u, 'whatsapp'));
    const onTelegram = personOn(panel, 'tg1', 'telegram');
    onWhatsApp.forEach((id, i) => broadcast(panel!, id, `wa-${i}`));
    broadcast(panel, onTelegram, 'tg-first');

    scheduler = new Scheduler({ services: panel.app.services, senders: [whatsapp, telegram] });
    const first = scheduler.tick();
    await until(() => telegram.sent.length === 1 && whatsapp.waiting === 3, 'the Telegram message sent beside the held WhatsApp ones');

    // The next tick finds WhatsApp still busy: Telegram goes on regardless, and nothing is claimed twice.
    broadcast(panel, onTelegram, 'tg-second', 'reply');
    await scheduler.tick();
    expect(telegram.sent).toEqual(['tg1', 'tg1']);
    expect(whatsapp.waiting).toBe(3);

    whatsapp.releaseAll();
    const report = await first;
    expect(whatsapp.sent.sort()).toEqual(['wa1', 'wa2', 'wa3']);
    expect(report.sent).toBe(4);
    // (Reminders for the weekends were planned too; they are not due yet.)
    const mine = panel.app.db.select({ key: outbox.idempotencyKey, status: outbox.status }).from(outbox).all().filter((r) => !r.key.startsWith('reminder:'));
    expect(mine.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('skips a message for someone reachable nowhere, as before', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const telegram = new HeldSender('telegram', false);
    const gone = personOn(panel, 'gone', 'telegram');
    panel.app.db.update(identities).set({ reachable: false }).where(eq(identities.personId, gone)).run();
    broadcast(panel, gone, 'to-gone');
    scheduler = new Scheduler({ services: panel.app.services, senders: [telegram] });
    await scheduler.tick();
    const row = panel.app.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'to-gone')).get()!;
    expect([row.status, row.skipReason]).toEqual(['skipped', 'unreachable']);
  });
});
