// A paced sending queue: a global pace (Telegram allows about 30 messages a second), about one
// message a second per chat for bulk sends, replies before bulk, one message in flight per chat
// (so a chat's messages arrive in order), and the retries the platform asks for.
import { EXPIRED, type DeliveryResult } from '../../core/outbox/ports';
import type { Timing } from './timing';

export type Priority = 'reply' | 'bulk';

/** What one try of a job came to. */
export type Attempt =
  | { kind: 'done'; result: DeliveryResult }
  /** The platform said "wait this long" (429): nothing is sent by anyone until then. */
  | { kind: 'wait'; ms: number; reason: string }
  /** A passing failure (5xx, network): this job tries again later, with exponential backoff. */
  | { kind: 'retry'; reason: string };

export interface PaceOptions {
  /** Minimum gap between two sends, any chat (ms). */
  globalGapMs: number;
  /** Minimum gap between a bulk send and the previous send to the same chat (ms). */
  bulkChatGapMs: number;
  /** Tries for passing failures before giving up (the outbox or the platform redelivers later). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A "wait" longer than this is not waited for here: the caller is told to come back later. */
  maxWaitMs: number;
  /** How many "wait" answers one job accepts before it is handed back. */
  maxWaits: number;
}

export const DEFAULT_PACE: PaceOptions = {
  globalGapMs: 34, // 29.4 a second: just under Telegram's 30 (a 429 still pauses everything)
  bulkChatGapMs: 1100,
  maxAttempts: 5,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  maxWaitMs: 60_000,
  maxWaits: 5,
};

interface Job {
  chat: string;
  priority: Priority;
  run: () => Promise<Attempt>;
  resolve: (result: DeliveryResult) => void;
  attempts: number;
  waits: number;
  notBefore: number;
  inFlight: boolean;
  /** Asked at the moment the job would be sent: false means its expiry passed while it waited. */
  isDue?: () => boolean;
}

export class SendQueue {
  private readonly jobs: Record<Priority, Job[]> = { reply: [], bulk: [] };
  private readonly lastSentToChat = new Map<string, number>();
  private lastDispatch = -Infinity;
  private pausedUntil = -Infinity;
  private running = false;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly timing: Timing,
    private readonly pace: PaceOptions = DEFAULT_PACE,
  ) {}

  /**
   * Queues one send; resolves with the final result once sent or given up. isDue is asked at each
   * moment the job would go (also before a retry): once it says false, the job ends as EXPIRED.
   */
  push(chat: string, priority: Priority, run: () => Promise<Attempt>, isDue?: () => boolean): Promise<DeliveryResult> {
    if (this.stopped) return Promise.resolve({ ok: false, permanent: false, reason: 'stopped' });
    return new Promise((resolve) => {
      this.jobs[priority].push({ chat, priority, run, resolve, attempts: 0, waits: 0, notBefore: -Infinity, inFlight: false, ...(isDue ? { isDue } : {}) });
      this.kick();
    });
  }

  get size(): number {
    return this.jobs.reply.length + this.jobs.bulk.length;
  }

  /** Gives every waiting job back as not sent (the outbox keeps them for later); sends under way finish. */
  stop(): void {
    this.stopped = true;
    for (const list of Object.values(this.jobs)) {
      for (const job of list.filter((j) => !j.inFlight)) this.finish(job, { ok: false, permanent: false, reason: 'stopped' });
    }
    this.kick();
  }

  private kick(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
    if (!this.running && !this.stopped) {
      this.running = true;
      void this.loop();
    }
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && this.size > 0) {
        const now = this.timing.now();
        const pick = this.pick(now);
        if ('job' in pick) {
          // Expired while waiting: dropped without taking a send's place in the pace.
          if (pick.job.isDue && !pick.job.isDue()) this.finish(pick.job, EXPIRED);
          else this.dispatch(pick.job, now);
          continue;
        }
        const woken = new Promise<void>((resolve) => (this.wake = resolve));
        await (Number.isFinite(pick.until) ? Promise.race([this.timing.sleep(pick.until - now), woken]) : woken);
        this.wake = undefined;
      }
    } finally {
      // In the same step as the last check, so a push right after starts a new loop.
      this.running = false;
    }
  }

  /** The next job allowed to go now, or the earliest moment one may (Infinity: wait for news). */
  private pick(now: number): { job: Job } | { until: number } {
    if (now < this.pausedUntil) {
      // Jobs that would wait too long are handed back now rather than held.
      if (this.pausedUntil - now > this.pace.maxWaitMs) this.giveBackWaiting(now);
      return { until: this.pausedUntil };
    }
    const nextGlobal = this.lastDispatch + this.pace.globalGapMs;
    if (now < nextGlobal) return { until: nextGlobal };
    const busy = new Set<string>();
    for (const list of Object.values(this.jobs)) for (const job of list) if (job.inFlight) busy.add(job.chat);
    let until = Infinity;
    for (const priority of ['reply', 'bulk'] as const) {
      const seen = new Set<string>();
      for (const job of this.jobs[priority]) {
        if (seen.has(job.chat)) continue; // only the oldest job of a chat may go: order is kept
        seen.add(job.chat);
        if (job.inFlight || busy.has(job.chat)) continue;
        let ready = job.notBefore;
        if (priority === 'bulk') ready = Math.max(ready, (this.lastSentToChat.get(job.chat) ?? -Infinity) + this.pace.bulkChatGapMs);
        if (ready <= now) return { job };
        until = Math.min(until, ready);
      }
    }
    return { until };
  }

  private giveBackWaiting(now: number): void {
    for (const list of Object.values(this.jobs)) {
      for (const job of [...list]) {
        if (job.inFlight) continue;
        this.finish(job, { ok: false, permanent: false, retryAfterMs: this.pausedUntil - now, reason: 'rate limited' });
      }
    }
  }

  private dispatch(job: Job, now: number): void {
    job.inFlight = true;
    job.attempts++;
    this.lastDispatch = now;
    this.lastSentToChat.set(job.chat, now);
    void job
      .run()
      .catch((err: unknown): Attempt => ({ kind: 'retry', reason: (err as Error).name ?? 'error' }))
      .then((attempt) => this.settle(job, attempt));
  }

  private settle(job: Job, attempt: Attempt): void {
    job.inFlight = false;
    const now = this.timing.now();
    if (attempt.kind === 'done') this.finish(job, attempt.result);
    else if (this.stopped) this.finish(job, { ok: false, permanent: false, reason: 'stopped' });
    else if (attempt.kind === 'wait') {
      job.attempts--; // being told to wait is not a failed try
      job.waits++;
      this.pausedUntil = Math.max(this.pausedUntil, now + attempt.ms);
      if (job.waits > this.pace.maxWaits || attempt.ms > this.pace.maxWaitMs) {
        this.finish(job, { ok: false, permanent: false, retryAfterMs: attempt.ms, reason: attempt.reason });
      }
    } else if (job.attempts >= this.pace.maxAttempts) {
      this.finish(job, { ok: false, permanent: false, reason: attempt.reason });
    } else {
      job.notBefore = now + Math.min(this.pace.backoffMaxMs, this.pace.backoffBaseMs * 2 ** (job.attempts - 1));
    }
    this.kick();
  }

  private finish(job: Job, result: DeliveryResult): void {
    const list = this.jobs[job.priority];
    const at = list.indexOf(job);
    if (at >= 0) list.splice(at, 1);
    job.resolve(result);
  }
}
