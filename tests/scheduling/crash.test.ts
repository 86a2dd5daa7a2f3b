// 16,200 queued messages; the dispatching process is killed (SIGKILL) at random moments and
// restarted; every idempotency key must reach the fake platform exactly once, except at most the
// messages in flight at each kill (claimed, not yet confirmed), which are counted and reported.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { enqueue } from '../../src/db/repos/outbox';
import { tempDbPath } from '../helpers/chat';
import { ROOT } from '../helpers/run-cli';
import { random } from '../helpers/cohort';

const TOTAL = 16_200;
const KILLS = 5;

describe('outbox crash test', () => {
  const received = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { text } = JSON.parse(body) as { text: string };
      received.set(text, (received.get(text) ?? 0) + 1);
      res.end('{"ok":true}');
    });
  });
  afterAll(() => server.close());

  it('delivers each key exactly once, apart from what was in flight at each kill', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const dbPath = tempDbPath('crash');
    const db = openDb(dbPath);
    const now = new Date(Date.now() - 1000);
    db.$client.transaction(() => {
      for (let i = 0; i < TOTAL; i++) {
        enqueue(db, { personId: null as unknown as number, kind: 'system', payload: { outbound: { text: `key-${i}` } }, dueAt: now, idempotencyKey: `key-${i}`, channel: 'telegram', userId: `u${i % 997}` }, now);
      }
    })();
    // Queuing the same keys again adds nothing.
    expect(enqueue(db, { personId: null as unknown as number, kind: 'system', payload: { outbound: { text: 'key-0' } }, dueAt: now, idempotencyKey: 'key-0' }, now)).toBe(false);

    const rnd = random(20270220);
    const inFlightAtKills: string[][] = [];
    const start = () => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/run-ts.mjs'), 'tests/scheduling/crash-worker.ts', dbPath, String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const started = new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve());
        void exited.then((code) => reject(new Error(`worker exited (${code}) before starting`)));
      });
      return { child, started, exited };
    };
    const claimedKeys = () => db.$client.prepare("SELECT idempotency_key AS k FROM outbox WHERE status = 'claimed'").all().map((r) => (r as { k: string }).k);
    const sentCount = () => (db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'").get() as { n: number }).n;

    let runs = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const run = start();
      runs++;
      await run.started;
      // Kill at a random moment once some messages went out in this run.
      const before = sentCount();
      const target = before + 300 + Math.floor(rnd() * 2200);
      let finished = false;
      void run.exited.then(() => (finished = true));
      while (!finished && sentCount() < target) await new Promise((r) => setTimeout(r, 5));
      if (finished) break;
      killHard(run.child);
      await run.exited;
      inFlightAtKills.push(claimedKeys());
    }
    // The last run finishes the work.
    const last = start();
    runs++;
    expect(await last.exited).toBe(0);

    const statuses = db.$client.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all();
    expect(statuses).toEqual([{ status: 'sent', n: TOTAL }]);

    const inFlight = new Set(inFlightAtKills.flat());
    const missing = Array.from({ length: TOTAL }, (_, i) => `key-${i}`).filter((k) => !received.has(k));
    const duplicates = [...received].filter(([, n]) => n > 1).map(([k]) => k);
    const unexplained = duplicates.filter((k) => !inFlight.has(k));
    console.log(
      `crash test: ${TOTAL} messages, ${runs} runs, ${inFlightAtKills.length} kills; in flight at each kill: ${inFlightAtKills.map((k) => k.length).join(', ')} ` +
        `(total ${inFlight.size}); delivered twice: ${duplicates.length}; missing: ${missing.length}`,
    );
    expect(inFlightAtKills.length).toBeGreaterThanOrEqual(3);
    expect(missing).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(received.size).toBe(TOTAL);
    db.$client.close();
  }, 120_000);
});

function killHard(child: ChildProcess) {
  child.kill('SIGKILL');
}
