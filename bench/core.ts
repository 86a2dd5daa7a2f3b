// Core throughput: citizens registering at once through engine.handle on a real SQLite file,
// with the same clock steps a test uses (a few seconds between one person's messages).
import { createApp } from '../src/app';
import { ManualClock } from '../src/core/clock';
import type { Inbound } from '../src/core/messages';
import { registrations } from '../src/db/schema/index';
import { eq, count } from 'drizzle-orm';
import { BENCH_START, inviteCodes } from './population';
import { interleaved, percentile } from './citizens';

export interface CoreResult {
  citizens: number;
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

export function runCore(dbPath: string, citizens: number, warmup: number): CoreResult {
  const clock = new ManualClock(BENCH_START);
  const app = createApp({ dbPath, clock });
  const codes = inviteCodes(app.db, warmup + citizens);
  const run = (slice: string[], prefix: string, latencies?: Float64Array) => {
    const { messages } = interleaved(slice);
    // Round-robin over many people: about 10 s between two messages of the same person.
    const step = Math.max(1, Math.round(10_000 / slice.length));
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      clock.advance(step);
      const inbound: Inbound = {
        address: { channel: 'telegram', userId: `${prefix}${m.citizen}` },
        messageId: `telegram:${prefix}${m.citizen}:${i}`,
        content: { kind: 'text', text: m.text },
        languageHint: 'en',
      };
      const t0 = performance.now();
      app.engine.handle(inbound);
      app.engine.delivered(inbound);
      if (latencies) latencies[i] = performance.now() - t0;
    }
    return messages.length;
  };
  // Warm-up (JIT, statement caches), not counted.
  run(codes.slice(0, warmup), 'w');
  const before = app.db.select({ n: count() }).from(registrations).where(eq(registrations.status, 'registered')).get()!.n;

  const latencies = new Float64Array(citizens * 19);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const messages = run(codes.slice(warmup), '', latencies);
  app.engine.flushDeliveries();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = app.db.select({ n: count() }).from(registrations).where(eq(registrations.status, 'registered')).get()!.n;
  app.close();
  const sorted = latencies.subarray(0, messages).sort();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    citizens,
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
