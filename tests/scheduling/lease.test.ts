// Two panelbot processes on one database (started twice by mistake, or a deploy overlapping the
// old one): only one sends the outbox, so nothing goes twice; the other takes over when the first
// stops, or when it crashed and its lease ran out.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Logger } from '../../src/core/conversation/logger';
import { processStart } from '../../src/lease-holder';
import { createApp, type App } from '../../src/app';
import { LEASE_TTL_MS, Scheduler } from '../../src/scheduler';
import { enqueue } from '../../src/db/repos/outbox';
import { outbox } from '../../src/db/schema/index';
import { RecordingSender, schedulingPanel, type SchedulingPanel } from './helpers';

let panel: SchedulingPanel | undefined;
let other: App | undefined;
let live: ChildProcess | undefined;
const schedulers: Scheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  other?.close();
  panel?.close();
  other = undefined;
  live?.kill('SIGKILL');
  live = undefined;
});

/** A logger that keeps the messages (the lease's messages hold host and pid, nothing personal). */
function recordingLog(lines: string[]): Logger {
  const log: Logger = { debug: () => {}, info: () => {}, warn: (_o, msg) => void lines.push(msg ?? ''), error: () => {}, child: () => log };
  return log;
}

/** The pid of a process that ran on this host and has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** Writes the outbox lease as a crashed process left it: holder, and an expiry still far off. */
function leaseLeftBy(p: SchedulingPanel, holder: string): void {
  p.app.db.$client.prepare('INSERT OR REPLACE INTO leases (name, holder, expires_at) VALUES (?, ?, ?)').run('outbox', holder, p.clock.now().getTime() + LEASE_TTL_MS);
}

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

  it('takes over from a process that stopped renewing (hung, or on a host it cannot check) once its lease runs out, and sends what it left claimed', async () => {
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

  it('takes over at once from a process on this host that no longer runs, says so, and sends what it left claimed', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    const lines: string[] = [];
    other = createApp({ dbPath: panel.dbPath, clock: panel.clock, config: panel.app.services.config, log: recordingLog(lines) });
    const pid = deadPid();
    leaseLeftBy(panel, `${os.hostname()}:${pid}:12345:dead0001`);
    news(panel, alice, 'in flight');
    panel.app.db.update(outbox).set({ status: 'claimed', claimedAt: panel.clock.now() }).where(eq(outbox.idempotencyKey, 'in flight')).run();

    const restarted = new RecordingSender(panel.clock);
    const b = new Scheduler({ services: other.services, senders: [restarted] });
    schedulers.push(b);
    await b.tick(); // no time passes: no waiting for the dead holder's lease to run out
    expect(restarted.to('alice').map((d) => d.text)).toEqual(['in flight']);
    expect(lines).toContain(`the outbox lease was held by process ${pid} on this host, which no longer runs (it crashed or was killed): this process took it over at once`);
    expect(lines.some((l) => l.includes('waits'))).toBe(false);
  });

  it('takes over from an earlier process that had the same pid (a container restarted: pid 1 again)', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    other = createApp({ dbPath: panel.dbPath, clock: panel.clock, config: panel.app.services.config });
    const mine = processStart(process.pid)!;
    expect(mine).toBeDefined();
    leaseLeftBy(panel, `${os.hostname()}:${process.pid}:${Number(mine) - 1}:old00001`);
    news(panel, alice, 'after the restart');
    const sender = new RecordingSender(panel.clock);
    const b = new Scheduler({ services: other.services, senders: [sender] });
    schedulers.push(b);
    await b.tick();
    expect(sender.to('alice').map((d) => d.text)).toEqual(['after the restart']);
  });

  it('keeps sending when the process crashes again and again (each restart takes over at once)', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    other = createApp({ dbPath: panel.dbPath, clock: panel.clock, config: panel.app.services.config });
    const sent: string[] = [];
    for (let crash = 0; crash < 5; crash++) {
      // The previous run held the lease when it died; a new process (a new Scheduler) starts.
      leaseLeftBy(panel, `${os.hostname()}:${deadPid()}:${1000 + crash}:run0000${crash}`);
      news(panel, alice, `news ${crash}`);
      const sender = new RecordingSender(panel.clock);
      await new Scheduler({ services: other.services, senders: [sender] }).tick();
      sent.push(...sender.to('alice').map((d) => d.text));
      panel.clock.advance(5000);
    }
    expect(sent).toEqual(['news 0', 'news 1', 'news 2', 'news 3', 'news 4']);
  });

  it('waits for a live process on this host, says which, and takes over at once when it is gone', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    const lines: string[] = [];
    other = createApp({ dbPath: panel.dbPath, clock: panel.clock, config: panel.app.services.config, log: recordingLog(lines) });
    live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = live.pid!;
    let started: string | undefined;
    for (let i = 0; i < 200 && started === undefined; i++) {
      started = processStart(pid);
      if (started === undefined) await new Promise((r) => setTimeout(r, 10));
    }
    leaseLeftBy(panel, `${os.hostname()}:${pid}:${started}:live0001`);
    news(panel, alice, 'waits');
    const sender = new RecordingSender(panel.clock);
    const b = new Scheduler({ services: other.services, senders: [sender] });
    schedulers.push(b);
    await b.tick();
    await b.tick();
    expect(sender.delivered).toEqual([]);
    expect(lines).toEqual([`another panelbot process (pid ${pid} on this host) is sending this database’s outbox: this one waits until it stops`]);

    const exited = new Promise((resolve) => live!.on('exit', resolve));
    live.kill('SIGKILL');
    await exited;
    live = undefined;
    await b.tick();
    expect(sender.to('alice').map((d) => d.text)).toEqual(['waits']);
  });

  it('waits for a holder on another host until its lease runs out', async () => {
    panel = schedulingPanel({ now: '2026-12-01T11:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    const lines: string[] = [];
    other = createApp({ dbPath: panel.dbPath, clock: panel.clock, config: panel.app.services.config, log: recordingLog(lines) });
    leaseLeftBy(panel, `elsewhere.example:${process.pid}:1:far00001`);
    news(panel, alice, 'later');
    const sender = new RecordingSender(panel.clock);
    const b = new Scheduler({ services: other.services, senders: [sender] });
    schedulers.push(b);
    await b.tick();
    expect(sender.delivered).toEqual([]);
    expect(lines).toEqual(['another process (on host elsewhere.example) holds this database’s outbox: this one waits until it stops, or takes over if it does not renew within 60 s']);
    panel.clock.advance(LEASE_TTL_MS + 1000);
    await b.tick();
    expect(sender.to('alice').map((d) => d.text)).toEqual(['later']);
  });
});
