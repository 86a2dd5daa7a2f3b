// Fixed-window counters per key (an IP address, a session): enough to keep one client from
// flooding the chat, with memory bounded however many keys an attacker makes up.
export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

const MAX_KEYS = 200_000;

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns 0 when allowed, otherwise the milliseconds until the next window. */
  take(key: string): number {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= MAX_KEYS) this.sweep(now);
      w = { count: 0, resetAt: now + this.limit.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit.max ? w.resetAt - now : 0;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    // Still full: every key is live, so the oldest half goes (a flood, not real people).
    if (this.windows.size >= MAX_KEYS) {
      let n = 0;
      for (const key of this.windows.keys()) {
        this.windows.delete(key);
        if (++n >= MAX_KEYS / 2) break;
      }
    }
  }
}

export interface WebLimits {
  /** Every request of one address. */
  perIp: Limit;
  /** Messages and form posts of one address. */
  postsPerIp: Limit;
  /** Messages of one session (the core answers floods above 30 a minute; this stops the requests). */
  postsPerSession: Limit;
  /** New sessions (each a new person once it speaks) of one address. */
  sessionsPerIp: Limit;
  /** Open live streams of one address, and of all. */
  streamsPerIp: number;
  streamsTotal: number;
}

export const DEFAULT_LIMITS: WebLimits = {
  perIp: { max: 600, windowMs: 60_000 },
  postsPerIp: { max: 240, windowMs: 60_000 },
  postsPerSession: { max: 40, windowMs: 60_000 },
  // A school or a town hall's wifi shares one address: generous, but not unbounded.
  sessionsPerIp: { max: 120, windowMs: 600_000 },
  streamsPerIp: 200,
  streamsTotal: 20_000,
};
