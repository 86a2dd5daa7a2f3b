// Time for the channels' sending queues and polling loops, injected so tests need not wait for real.
export interface Timing {
  /** Milliseconds, only compared with each other. */
  now(): number;
  /** Resolves after ms, or at once when the signal aborts (so stopping never waits on a timer). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTiming: Timing = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
