// The scheduler's node-cron tick feeding a terminal chat: a reminder queued for a person on the
// console channel is printed in their open chat, and answered there; without an open chat it waits.
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ConsoleSender } from '../../src/bots/console-sender';
import { runConsoleChat } from '../../src/bots/console';
import { Scheduler } from '../../src/scheduler';
import { outbox } from '../../src/db/schema/index';
import { schedulingPanel, type SchedulingPanel } from './helpers';

let panel: SchedulingPanel;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  panel?.close();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

describe('scheduler and terminal chat', () => {
  it('prints a due reminder in the open chat; the answer goes to the attendance question', async () => {
    panel = schedulingPanel({ now: '2027-02-13T10:00:00+01:00' });
    panel.add({ user: 'alice' });
    const bob = panel.add({ user: 'bob' });
    const console = new ConsoleSender();
    let printed = '';
    const output = new Writable({
      write(chunk, _enc, done) {
        printed += chunk.toString();
        done();
      },
    });
    const input = new PassThrough();
    const chat = runConsoleChat({ engine: panel.app.engine, userId: 'alice', input, output, outbox: console });

    scheduler = new Scheduler({ services: panel.app.services, senders: [console], everySeconds: 1 });
    scheduler.start();
    await until(() => printed.includes('Will you be there?'), 'the reminder printed');
    expect(printed).toMatch(/1\. Yes\n\s*2\. No\n\s*3\. Not sure/);

    input.write('1\n');
    await until(() => printed.includes('we look forward to seeing you'), 'the answer understood');
    input.end();
    await chat;

    // Bob has no terminal chat open: his reminder is still waiting.
    const bobs = panel.app.db.select().from(outbox).where(and(eq(outbox.personId, bob), eq(outbox.status, 'pending'))).all();
    expect(bobs.some((r) => r.idempotencyKey.includes('weekend-1:d-7'))).toBe(true);
  });
});
