// Core throughput: citizens registering at once through engine.handle on a real SQLite file,
// with the same clock steps a test uses (a few seconds between one person's messages).
import { createApp } from '../src/app';
import { ManualClock } from '../src/core/panel/clock';
import type { Inbound } from '../src/core/conversation/messages';
import { registrations } from '../src/db/schema/index';
import { eq, count } from 'drizzle-orm';
import { BENCH_START, inviteCodes } from './population';
import { interleaved, percentile } from './citizens';

export interface CoreResult {
  citizens: number;
  batch: number;
  messages: number;
  registered: number;
  wallMs: number;
  cpuMs: number;
  perSecond: number;
  perCpuSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxRssMb: number;
}

/**
 * `batch` is how many messages reach the engine at once: 1 is engine.handle one message at a
 * time (the terminal chat); 100 is what one Telegram getUpdates brings, fed through
 * engine.submit as the adapters do, so they share one commit. A message's latency runs from its
 * submission to its replies.
 */
export async function runCore(dbPath: string, citizens: number, warmup: number, batch = 1): Promise<CoreResult> {
  const clock = new ManualClock(BENCH_START);
  const app = createApp({ dbPath, clock });
  for (const pr of (process.env.EXP_PRAGMAS ?? '').split(';').filter(Boolean)) app.db.$client.pragma(pr);
  const codes = inviteCodes(app.db, warmup + citizens);
  const run = async (slice: string[], prefix: string, latencies?: Float64Array) => {
    const { messages } = interleaved(slice);
    // Round-robin over many people: about 10 s between two messages of the same person.
    const step = Math.max(1, Math.round(10_000 / slice.length));
    const inboundOf = (i: number): Inbound => {
      const m = messages[i]!;
      return {
        address: { channel: 'telegram', userId: `${prefix}${m.citizen}` },
        messageId: `telegram:${prefix}${m.citizen}:${i}`,
        content: { kind: 'text', text: m.text },
        languageHint: 'en',
      };
    };
    if (batch === 1) {
      for (let i = 0; i < messages.length; i++) {
        clock.advance(step);
        const inbound = inboundOf(i);
        const t0 = performance.now();
        app.engine.handle(inbound);
        app.engine.delivered(inbound);
        if (latencies) latencies[i] = performance.now() - t0;
      }
      return messages.length;
    }
    for (let from = 0; from < messages.length; from += batch) {
      const pending: Array<Promise<void>> = [];
      for (let i = from; i < Math.min(messages.length, from + batch); i++) {
        clock.advance(step);
        const inbound = inboundOf(i);
        const t0 = performance.now();
        pending.push(
          app.engine.submit(inbound).then(() => {
            app.engine.delivered(inbound);
            if (latencies) latencies[i] = performance.now() - t0;
          }),
        );
      }
      await Promise.all(pending);
    }
    return messages.length;
  };
  // Warm-up (JIT, statement caches), not counted.
  await run(codes.slice(0, warmup), 'w');
  const before = app.db.select({ n: count() }).from(registrations).where(eq(registrations.status, 'registered')).get()!.n;

  const latencies = new Float64Array(citizens * 19);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const messages = await run(codes.slice(warmup), '', latencies);
  app.engine.flushDeliveries();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = app.db.select({ n: count() }).from(registrations).where(eq(registrations.status, 'registered')).get()!.n;
  app.close();
  const sorted = latencies.subarray(0, messages).sort();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    citizens,
    batch,
    messages,
    registered: after - before,
    wallMs,
    cpuMs,
    perSecond: messages / (wallMs / 1000),
    perCpuSecond: messages / (cpuMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
