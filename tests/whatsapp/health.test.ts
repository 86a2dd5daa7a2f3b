// The session breaks in real life: WhatsApp Web logs out, the page crashes, an update leaves it
// "authenticated" but never "ready". Nothing waiting to be sent is lost: the outbox keeps it, the
// organisers are told, and the session is started again with growing waits.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { alerts, outbox } from '../../src/db/schema/index';
import { enqueue } from '../../src/db/repos/outbox';
import { findPersonByAddress } from '../../src/db/repos/people';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { Message, rawMessage, waHarness, type WaHarness, type WaPerson } from './harness';

let h: WaHarness;
afterEach(async () => h?.close());

const alertsOf = (h: WaHarness) => h.panel.app.db.select().from(alerts).all().map((a) => [a.kind, JSON.parse(a.payload) as object]);

async function peopleWhoWrote(h: WaHarness, n: number): Promise<WaPerson[]> {
  const people: WaPerson[] = [];
  for (let i = 0; i < n; i++) {
    const p = h.person(`+32 474 00 00 ${String(10 + i)}`);
    await p.says('Hallo');
    people.push(p);
  }
  return people;
}

function broadcastTo(h: WaHarness, people: WaPerson[], text: string): void {
  const { db, clock } = h.panel.app.services;
  for (const p of people) {
    const person = findPersonByAddress(db, { channel: 'whatsapp', userId: p.chatId })!;
    enqueue(db, { personId: person.id, kind: 'broadcast', payload: { outbound: { text } }, dueAt: clock.now(), idempotencyKey: `b:${person.id}` }, clock.now());
  }
}

describe('a WhatsApp session that breaks', () => {
  it('loses nothing of a broadcast when WhatsApp disconnects in the middle of it', async () => {
    h = await waHarness();
    await h.connect();
    const people = await peopleWhoWrote(h, 5);
    broadcastTo(h, people, 'Weekend 1 starts Saturday at 9:30.');
    const dispatcher = new Dispatcher({ services: h.panel.app.services, senders: [h.wa.sender] });
    const isBroadcast = (s: { text?: string }) => s.text?.includes('Weekend 1');

    const tick = dispatcher.tick();
    await h.timing.until(() => h.port.sent.filter(isBroadcast).length === 2);
    h.client.emit('disconnected', 'NAVIGATION');
    expect(await h.timing.run(tick)).toMatchObject({ claimed: 5, sent: 2, retried: 3, failed: 0 });
    expect(h.wa.sender.isReady()).toBe(false);

    // While down, a send fails for now only: the outbox will try again.
    const direct = await h.wa.sender.send(people[4]!.chatId, { text: 'x' }, 'bulk');
    expect(direct).toMatchObject({ ok: false, permanent: false });
    expect(alertsOf(h)).toEqual([['whatsapp_trouble', { state: 'disconnected', reason: 'NAVIGATION' }]]);

    // After the first wait, the session is closed and started again.
    expect(h.reported.at(-1)).toContain('starting it again in 5 s (try 1)');
    await h.timing.advance(5000);
    expect(h.port.lifecycle).toEqual(['initialize', 'destroy', 'initialize']);
    await h.connect();
    expect(alertsOf(h).at(-1)).toEqual(['whatsapp_trouble', { state: 'recovered' }]);

    h.panel.clock.advance(61_000);
    expect(await h.timing.run(dispatcher.tick())).toMatchObject({ sent: 3 });
    // Everyone got the message, once.
    for (const p of people) expect(h.port.textsTo(p.chatId).filter((t) => t.includes('Weekend 1'))).toHaveLength(1);
    expect(h.panel.app.db.select({ status: outbox.status }).from(outbox).all().map((r) => r.status)).toEqual(Array(5).fill('sent'));
  });

  it('keeps a message whose send failed (the page crashed) for the next try', async () => {
    h = await waHarness();
    await h.connect();
    const [ann] = await peopleWhoWrote(h, 1);
    broadcastTo(h, [ann!], 'Reminder');
    const dispatcher = new Dispatcher({ services: h.panel.app.services, senders: [h.wa.sender] });
    h.port.broken = true;
    expect(await h.timing.run(dispatcher.tick())).toMatchObject({ retried: 1 });
    const row = h.panel.app.db.select().from(outbox).get()!;
    expect(row.status).toBe('pending');
    // No phone number in what is kept about the failure.
    expect(row.lastError).toContain('Session closed');
    expect(row.lastError).not.toMatch(/\d{5,}/);
  });

  it('parks in the outbox an answer that could not go out before the session dropped', async () => {
    h = await waHarness();
    await h.connect();
    const [ann, bob] = await peopleWhoWrote(h, 2);
    // Bob writes; his answer waits for its short gap after the last message (to Ann)…
    h.client.emit('message', new Message(h.client, rawMessage(bob!.chatId, { type: 'chat', body: 'English' })));
    await h.timing.settle();
    // … and WhatsApp drops before it goes.
    h.client.emit('disconnected', 'CONFLICT');
    await h.timing.run(h.wa.drain());
    const parked = h.panel.app.db.select().from(outbox).where(eq(outbox.kind, 'reply')).all();
    const waiting = { kind: 'reply', channel: 'whatsapp', userId: bob!.chatId, status: 'pending' };
    expect(parked).toMatchObject([waiting, waiting]);

    await h.timing.advance(5000);
    await h.connect();
    const dispatcher = new Dispatcher({ services: h.panel.app.services, senders: [h.wa.sender] });
    expect(await h.timing.run(dispatcher.tick())).toMatchObject({ sent: 2 });
    // The whole answer, in order.
    expect(h.port.textsTo(bob!.chatId).slice(-2)).toEqual([expect.stringContaining('continue in English'), expect.stringContaining('code printed on your invitation letter')]);
    expect(h.port.textsTo(ann!.chatId)).toHaveLength(1);
  });

  it('restarts a session that is authenticated but never ready', async () => {
    h = await waHarness({ health: { readyTimeoutMs: 120_000 } });
    await h.emit('authenticated');
    await h.timing.advance(119_000);
    expect(alertsOf(h)).toEqual([]);
    await h.timing.advance(1000);
    expect(alertsOf(h)).toEqual([['whatsapp_trouble', { state: 'not_ready', reason: 'authenticated but never ready' }]]);
    await h.timing.advance(5000);
    expect(h.port.lifecycle).toEqual(['initialize', 'destroy', 'initialize']);
    await h.connect();
    expect(h.wa.sender.isReady()).toBe(true);
  });

  it('after an authentication failure, starts again and asks for a new login', async () => {
    h = await waHarness({ slack: true });
    await h.connect();
    await h.emit('auth_failure', 'Unable to log in. Are the session details valid?');
    expect(h.wa.sender.isReady()).toBe(false);
    expect(alertsOf(h)).toEqual([['whatsapp_trouble', { state: 'auth_failure', reason: 'Unable to log in. Are the session details valid?' }]]);
    await h.timing.advance(5000);
    await h.emit('qr', '2@new');
    expect(alertsOf(h).map(([kind]) => kind)).toEqual(['whatsapp_trouble', 'whatsapp_login_needed']);
  });

  it('says why the browser did not start, in the retry line and in the alert', async () => {
    h = await waHarness({ initializeFails: 1 });
    expect(alertsOf(h)).toEqual([['whatsapp_trouble', { state: 'start_failed', reason: 'Error: Failed to launch the browser process!' }]]);
    expect(h.reported.find((l) => l.includes('starting it again'))).toContain('WhatsApp is not connected (start_failed: Error: Failed to launch the browser process!); starting it again in 5 s (try 1)');
    await h.timing.advance(5000);
    await h.connect();
    expect(alertsOf(h).at(-1)).toEqual(['whatsapp_trouble', { state: 'recovered' }]);
  });

  it('waits longer after each failed start, and tells the organisers again when it stays down', async () => {
    h = await waHarness({ health: { alertAgainAfter: 3 } });
    await h.connect();
    h.port.initializeFails = 3;
    await h.emit('disconnected', 'UNPAIRED');
    // The failed browser is closed at once, not after the 5 s wait (it holds ~380 MB).
    expect(h.port.lifecycle).toEqual(['initialize', 'destroy']);
    for (const wait of [5000, 10_000, 20_000, 40_000]) await h.timing.advance(wait);
    const retries = h.reported.filter((l) => l.includes('starting it again'));
    expect(retries.map((l) => /in (\d+) s/.exec(l)![1])).toEqual(['5', '10', '20', '40']);
    // The reason is said, on the terminal and in the alert that it stays down.
    expect(retries[0]).toContain('WhatsApp is not connected (disconnected: UNPAIRED); starting it again in 5 s');
    expect(alertsOf(h).map(([, p]) => (p as { state: string }).state)).toEqual(['disconnected', 'still_down']);
    expect((alertsOf(h)[1]![1] as { reason?: string }).reason).toBeTruthy();
    expect(h.port.lifecycle.filter((l) => l === 'initialize')).toHaveLength(5);
    await h.connect();
    expect(h.wa.health.attempts).toBe(0);
  });
});
