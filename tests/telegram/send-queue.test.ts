// The paced queue on its own, in virtual time: Telegram's pace, replies first, a chat's order kept.
import { describe, expect, it } from 'vitest';
import { SendQueue, type Attempt } from '../../src/bots/telegram/send-queue';
import { VirtualTiming } from '../fakes/virtual-timing';

function recorder(timing: VirtualTiming) {
  const log: Array<{ name: string; at: number }> = [];
  const job = (name: string, ...attempts: Attempt[]) => async (): Promise<Attempt> => {
    log.push({ name, at: timing.now() });
    return attempts.shift() ?? { kind: 'done', result: { ok: true } };
  };
  return { log, job };
}

describe('the sending queue', () => {
  it('keeps broadcasts under 30 messages a second overall', async () => {
    const timing = new VirtualTiming();
    const queue = new SendQueue(timing);
    const { log, job } = recorder(timing);
    await Promise.all(Array.from({ length: 90 }, (_, i) => queue.push(`chat${i}`, 'bulk', job(`m${i}`))));
    expect(log).toHaveLength(90);
    for (let i = 0; i + 30 < log.length; i++) expect(log[i + 30]!.at - log[i]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('sends a broadcast to one chat about once a second, but replies right away', async () => {
    const timing = new VirtualTiming();
    const queue = new SendQueue(timing);
    const { log, job } = recorder(timing);
    await Promise.all([queue.push('a', 'bulk', job('b1')), queue.push('a', 'bulk', job('b2')), queue.push('a', 'bulk', job('b3'))]);
    expect(log[1]!.at - log[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(log[2]!.at - log[1]!.at).toBeGreaterThanOrEqual(1000);
    const before = timing.now();
    await Promise.all([queue.push('b', 'reply', job('r1')), queue.push('b', 'reply', job('r2'))]);
    expect(timing.now() - before).toBeLessThan(1000);
  });

  it('sends replies before queued broadcasts', async () => {
    const timing = new VirtualTiming();
    const queue = new SendQueue(timing);
    const { log, job } = recorder(timing);
    const all = [1, 2, 3, 4].map((i) => queue.push(`c${i}`, 'bulk', job(`bulk${i}`)));
    all.push(queue.push('someone', 'reply', job('reply')));
    await Promise.all(all);
    // The first broadcast was already on its way; the reply overtakes the rest.
    expect(log.map((l) => l.name)).toEqual(['bulk1', 'reply', 'bulk2', 'bulk3', 'bulk4']);
  });

  it('keeps a chat’s messages in order while one is retried', async () => {
    const timing = new VirtualTiming();
    const queue = new SendQueue(timing);
    const { log, job } = recorder(timing);
    const results = await Promise.all([
      queue.push('a', 'reply', job('a1', { kind: 'retry', reason: '502' }, { kind: 'retry', reason: '502' })),
      queue.push('a', 'reply', job('a2')),
      queue.push('b', 'reply', job('b1')),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const a = log.filter((l) => l.name.startsWith('a'));
    expect(a.map((l) => l.name)).toEqual(['a1', 'a1', 'a1', 'a2']);
    // Backing off: half a second, then a second.
    expect(a[1]!.at - a[0]!.at).toBeGreaterThanOrEqual(500);
    expect(a[2]!.at - a[1]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('gives up after a bounded number of tries', async () => {
    const timing = new VirtualTiming();
    const queue = new SendQueue(timing, { globalGapMs: 40, bulkChatGapMs: 1100, maxAttempts: 3, backoffBaseMs: 100, backoffMaxMs: 1000, maxWaitMs: 60_000, maxWaits: 5 });
    const down: Attempt = { kind: 'retry', reason: 'network error' };
    const { log, job } = recorder(timing);
    expect(await queue.push('a', 'bulk', job('x', down, down, down, down))).toEqual({ ok: false, permanent: false, reason: 'network error' });
    expect(log).toHaveLength(3);
  });

  it('hands back what would wait too long after a 429, so the outbox can plan it', async () => {
    const timing = new VirtualTiming();
    const queue = new SendQueue(timing);
    const { job } = recorder(timing);
    const first = queue.push('a', 'bulk', job('x', { kind: 'wait', ms: 3_600_000, reason: '429 Too Many Requests' }));
    const second = queue.push('b', 'bulk', job('y'));
    expect(await first).toMatchObject({ ok: false, permanent: false, retryAfterMs: 3_600_000 });
    expect(await second).toMatchObject({ ok: false, permanent: false, reason: 'rate limited' });
  });

  it('gives queued messages back when stopped', async () => {
    const timing = new VirtualTiming();
    const queue = new SendQueue(timing);
    const { job } = recorder(timing);
    const sends = [queue.push('a', 'bulk', job('1')), queue.push('a', 'bulk', job('2'))];
    queue.stop();
    expect((await Promise.all(sends)).map((r) => r.ok)).toEqual([true, false]);
    expect(await queue.push('a', 'reply', job('3'))).toMatchObject({ ok: false, reason: 'stopped' });
  });
});
