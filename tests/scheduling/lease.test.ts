// Two panelbot processes on one database (started twice by mistake, or a deploy overlapping the
// old one): only one sends the outbox, so nothing goes twice; the other takes over when the first
// stops, or when it crashed and its lease ran out.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApp, type App } from '../../src/app';
import { LEASE_TTL_MS, Scheduler } from '../../src/scheduler';
import { enqueue } from '../../src/db/repos/outbox';
import { outbox } from '../../src/db/schema/index';
import { RecordingSender, schedulingPanel, type SchedulingPanel } from './helpers';

let panel: SchedulingPanel | undefined;
let other: App | undefined;
const schedulers: Scheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  other?.close();
  panel?.close();
  other = undefined;
});

function news(p: SchedulingPanel, personId: number, key: string): void {
  enqueue(p.app.db, { personId, kind: 'broadcast', payload: { outbound: { text: key } }, dueAt: p.clock.now(), idempotencyKey: key }, p.clock.now());
}

describe('one sender per database', () => {
  it('a second process waits while the first sends, and takes over once it stops', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    other = createApp({ dbPath: panel.dbPath, clock: panel.clock, config: panel.app.services.config });
    const first = new RecordingSender(panel.clock);
    const second = new RecordingSender(panel.clock);
    const a = new Scheduler({ services: panel.app.services, senders: [first] });
    const b = new Scheduler({ services: other.services, senders: [second] });
    schedulers.push(a, b);

    news(panel, alice, 'one');
    await a.tick();
    news(panel, alice, 'two');
    expect((await b.tick()).sent).toBe(0);
    await a.tick();
    expect(first.to('alice').map((d) => d.text)).toEqual(['one', 'two']);
    expect(second.delivered).toEqual([]);

    await a.stop();
    news(panel, alice, 'three');
    await b.tick();
    expect(second.to('alice').map((d) => d.text)).toEqual(['three']);
  });

  it('takes over from a process that crashed once its lease runs out, and sends what it left claimed', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    other = createApp({ dbPath: panel.dbPath, clock: panel.clock, config: panel.app.services.config });
    const crashed = new RecordingSender(panel.clock);
    const a = new Scheduler({ services: panel.app.services, senders: [crashed] });
    await a.tick(); // takes the lease, then "crashes": never ticks or releases again
    // A row it had claimed when it died.
    news(panel, alice, 'in flight');
    panel.app.db.update(outbox).set({ status: 'claimed', claimedAt: panel.clock.now() }).where(eq(outbox.idempotencyKey, 'in flight')).run();

    const survivor = new RecordingSender(panel.clock);
    const b = new Scheduler({ services: other.services, senders: [survivor] });
    schedulers.push(b);
    await b.tick();
    expect(survivor.delivered).toEqual([]);
    panel.clock.advance(LEASE_TTL_MS + 1000);
    await b.tick();
    expect(survivor.to('alice').map((d) => d.text)).toEqual(['in flight']);
  });
});
