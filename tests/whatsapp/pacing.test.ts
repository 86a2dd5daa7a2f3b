// Sending safely on WhatsApp: one message at a time with a random gap of several seconds between
// people (a number that sends like a machine gets banned), a short one for a reply to someone who
// just wrote; and only to people who wrote first or registered this number with consent.
import { afterEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/index';
import { enqueue } from '../../src/db/repos/outbox';
import { findPersonByAddress } from '../../src/db/repos/people';
import { readSettings } from '../../src/config/settings';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { DEFAULT_PACE, estimateBroadcast, paceFromSeconds } from '../../src/bots/whatsapp/pace';
import { registered } from '../helpers/register';
import { waHarness, type WaHarness } from './harness';

let h: WaHarness;
afterEach(async () => h?.close());

const gaps = (times: number[]) => times.slice(1).map((t, i) => Math.round(t - times[i]!));

describe('the WhatsApp pace', () => {
  it('leaves 4 to 9 s, at random, between messages to different people', async () => {
    h = await waHarness();
    await h.connect();
    const [a, b, c] = ['+32 475 00 00 01', '+32 475 00 00 02', '+32 475 00 00 03'].map((n) => h.person(n));
    for (const p of [a, b, c]) await p!.says('hello');
    await h.timing.advance(60_000);

    // The jitter drawn for each message: the lowest, the highest, the middle.
    h.timing.randoms.push(0.5, 0, 1, 0.5);
    const sends = [a, b, c, a].map((p, i) => h.wa.sender.send(p!.chatId, { text: `news ${i}` }, 'bulk'));
    await h.timing.run(Promise.all(sends));
    const times = h.port.sent.filter((s) => s.text?.startsWith('news')).map((s) => s.at);
    // The first goes at once (nothing was sent for a minute); then 4 s, 9 s, 6.5 s.
    expect(gaps(times)).toEqual([4000, 9000, 6500]);
  });

  it('answers someone who just wrote sooner, and the parts of one answer close together', async () => {
    h = await waHarness();
    await h.connect();
    const ann = h.person('+32 475 00 00 04');
    const bob = h.person('+32 475 00 00 05');
    await ann.says('hi');
    const before = h.port.sent.length;
    h.timing.randoms.push(0, 1);
    // Bob's first message gets the welcome as one message after a short gap from Ann's.
    await bob.says('hi');
    await bob.says('English');
    const [lastToAnn, ...toBob] = h.port.sent.slice(before - 1).map((s) => s.at);
    const all = gaps([lastToAnn!, ...toBob]);
    for (const gap of all) {
      expect(gap).toBeGreaterThanOrEqual(DEFAULT_PACE.replyMinGapMs);
      expect(gap).toBeLessThanOrEqual(DEFAULT_PACE.replyMaxGapMs);
    }
    expect(all[0]).toBe(DEFAULT_PACE.replyMinGapMs);
  });

  it('estimates how long a broadcast takes at this pace', () => {
    // 60 panel members: 59 gaps of 6.5 s on average, 9 s at most.
    expect(estimateBroadcast(60)).toEqual({ typicalMs: 383_500, atMostMs: 531_000 });
    expect(estimateBroadcast(1)).toEqual({ typicalMs: 0, atMostMs: 0 });
    const settings = readSettings({ WHATSAPP_GAP_MIN_SECONDS: '10', WHATSAPP_GAP_MAX_SECONDS: '20' });
    const slower = paceFromSeconds(settings.WHATSAPP_GAP_MIN_SECONDS, settings.WHATSAPP_GAP_MAX_SECONDS);
    expect(estimateBroadcast(11, slower)).toEqual({ typicalMs: 150_000, atMostMs: 200_000 });
  });
});

describe('who may be messaged on WhatsApp', () => {
  it('refuses, for good, a number that never wrote and did not register with consent', async () => {
    h = await waHarness();
    await h.connect();
    const result = await h.wa.sender.send('32479999999@c.us', { text: 'Hello stranger' }, 'bulk');
    expect(result).toEqual({ ok: false, permanent: true, reason: 'no_opt_in' });
    expect(h.port.sent).toEqual([]);
  });

  it('messages someone who registered this number (in another channel) and consented', async () => {
    h = await waHarness();
    await h.connect();
    registered(h.panel, 'ann-console'); // phone 0470 12 34 56, consent given
    const result = await h.wa.sender.send('32470123456@c.us', { text: 'You were drawn!', choices: [{ id: 'x:yes', label: 'I will come' }] }, 'bulk');
    expect(result).toMatchObject({ ok: true });
    expect(h.port.textsTo('32470123456@c.us')).toEqual(['You were drawn!\n  1. I will come']);
  });

  it('marks an outbox row to a number without opt-in as failed, with the reason', async () => {
    h = await waHarness();
    await h.connect();
    const someone = h.person('+32 475 00 00 06');
    await someone.says('hi');
    const { db, clock } = h.panel.app.services;
    const person = findPersonByAddress(db, { channel: 'whatsapp', userId: someone.chatId })!;
    // A row addressed to another number than the one the person wrote from.
    enqueue(db, { personId: person.id, kind: 'system', payload: { outbound: { text: 'x' } }, dueAt: clock.now(), idempotencyKey: 'k', channel: 'whatsapp', userId: '32479999998@c.us' }, clock.now());
    const dispatcher = new Dispatcher({ services: h.panel.app.services, senders: [h.wa.sender] });
    expect(await h.timing.run(dispatcher.tick())).toMatchObject({ failed: 1 });
    expect(db.select({ status: outbox.status, lastError: outbox.lastError }).from(outbox).get()).toEqual({ status: 'failed', lastError: 'no_opt_in' });
  });
});
