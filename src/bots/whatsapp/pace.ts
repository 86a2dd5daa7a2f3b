// The WhatsApp pace. WhatsApp bans numbers that send like machines, so messages go one at a time
// with a random gap: several seconds between messages to different people (default 4 to 9 s), a
// short one between the parts of one answer or for a reply to someone who just wrote.
import { EXPIRED, type DeliveryResult } from '../../core/outbox/ports';
import type { WaTiming } from './timing';
import type { WaSent } from './port';

export type Priority = 'reply' | 'bulk';

export interface PaceOptions {
  /** Gap before a message to another person than the previous one (ms, drawn in [min, max]). */
  minGapMs: number;
  maxGapMs: number;
  /** Gap before the next part to the same person, or a reply to someone who just wrote. */
  replyMinGapMs: number;
  replyMaxGapMs: number;
  /** How long after a person's message a reply still counts as "just wrote". */
  replyWindowMs: number;
}

export const DEFAULT_PACE: PaceOptions = {
  minGapMs: 4000,
  maxGapMs: 9000,
  replyMinGapMs: 800,
  replyMaxGapMs: 2500,
  replyWindowMs: 5 * 60_000,
};

/** The pace with the gap between people set in seconds (from the settings). */
export function paceFromSeconds(minSeconds: number | undefined, maxSeconds: number | undefined): PaceOptions {
  const min = (minSeconds ?? DEFAULT_PACE.minGapMs / 1000) * 1000;
  const max = Math.max(min, (maxSeconds ?? DEFAULT_PACE.maxGapMs / 1000) * 1000);
  return { ...DEFAULT_PACE, minGapMs: min, maxGapMs: max };
}

/** How long a broadcast of n messages to n people takes at this pace: typically, and at most. */
export function estimateBroadcast(n: number, pace: PaceOptions = DEFAULT_PACE): { typicalMs: number; atMostMs: number } {
  const gaps = Math.max(0, Math.floor(n) - 1);
  return { typicalMs: Math.round((gaps * (pace.minGapMs + pace.maxGapMs)) / 2), atMostMs: gaps * pace.maxGapMs };
}

/** The gap before a send, given the previous send and whether the person just wrote. */
export function gapMs(pace: PaceOptions, random: number, sameChat: boolean, justWrote: boolean): number {
  const [lo, hi] = sameChat || justWrote ? [pace.replyMinGapMs, pace.replyMaxGapMs] : [pace.minGapMs, pace.maxGapMs];
  return lo + random * (hi - lo);
}

interface Job {
  chat: string;
  priority: Priority;
  run: () => Promise<WaSent>;
  resolve: (result: DeliveryResult) => void;
  /** Asked after the job's gap, right before it is sent: false means its expiry passed meanwhile. */
  isDue?: () => boolean;
}

/** Phone numbers and ids out of an error text: it ends up in logs and the outbox. */
export function safeReason(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.replace(/\d{5,}/g, '…').slice(0, 200);
}

/**
 * One send at a time, replies before bulk, each after its gap. A job whose turn comes while the
 * session is down is handed back as "try again later": the outbox keeps it, nothing is dropped.
 */
export class PacedQueue {
  private readonly jobs: Record<Priority, Job[]> = { reply: [], bulk: [] };
  private readonly lastInbound = new Map<string, number>();
  private last: { chat: string; at: number } | undefined;
  private running = false;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly timing: WaTiming,
    private readonly pace: PaceOptions,
    private readonly connected: () => boolean,
  ) {}

  /** A person wrote: a reply to them may go sooner. */
  noteInbound(chat: string): void {
    if (this.lastInbound.size > 10_000) this.lastInbound.clear(); // a bound; only recent ones matter
    this.lastInbound.set(chat, this.timing.now());
  }

  push(chat: string, priority: Priority, run: () => Promise<WaSent>, isDue?: () => boolean): Promise<DeliveryResult> {
    if (this.stopped) return Promise.resolve({ ok: false, permanent: false, reason: 'stopped' });
    return new Promise((resolve) => {
      this.jobs[priority].push({ chat, priority, run, resolve, ...(isDue ? { isDue } : {}) });
      if (!this.running) {
        this.running = true;
        void this.loop().finally(() => (this.running = false));
      }
    });
  }

  get size(): number {
    return this.jobs.reply.length + this.jobs.bulk.length;
  }

  /** Hands every waiting job back as not sent; a send under way finishes. */
  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.giveBack('stopped');
  }

  /** The session went down: waiting jobs go back to their callers (the outbox tries them later). */
  giveBack(reason: string): void {
    for (const list of Object.values(this.jobs)) for (const job of list.splice(0)) job.resolve({ ok: false, permanent: false, reason });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const job = this.jobs.reply[0] ?? this.jobs.bulk[0];
      if (!job) return;
      const wait = this.waitFor(job);
      if (wait > 0) await this.timing.sleep(wait, this.abort.signal);
      // The job may have been handed back while we slept.
      const list = this.jobs[job.priority];
      if (list[0] !== job) continue;
      list.shift();
      if (!this.connected()) {
        job.resolve({ ok: false, permanent: false, reason: 'whatsapp not connected' });
        continue;
      }
      // Its expiry passed during the gap: dropped; the next one's gap still counts from the last send.
      if (job.isDue && !job.isDue()) {
        job.resolve(EXPIRED);
        continue;
      }
      let result: DeliveryResult;
      try {
        const sent = await job.run();
        result = { ok: true, platformMessageId: sent.id, ...(sent.timestamp ? { platformSentAt: new Date(sent.timestamp * 1000) } : {}) };
      } catch (err) {
        result = { ok: false, permanent: false, reason: `send failed: ${safeReason(err)}` };
      }
      this.last = { chat: job.chat, at: this.timing.now() };
      job.resolve(result);
    }
  }

  private waitFor(job: Job): number {
    if (!this.last) return 0;
    const now = this.timing.now();
    const wrote = this.lastInbound.get(job.chat);
    const justWrote = job.priority === 'reply' && wrote !== undefined && now - wrote <= this.pace.replyWindowMs;
    const gap = gapMs(this.pace, this.timing.random(), job.chat === this.last.chat, justWrote);
    return Math.max(0, this.last.at + gap - now);
  }
}
