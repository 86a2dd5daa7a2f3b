// Time that passes only when someone sleeps: a 30-second retry_after costs the test nothing,
// and the waits asked for can still be checked.
import type { Timing } from '../../src/bots/telegram/timing';

export class VirtualTiming implements Timing {
  private t = 0;
  readonly slept: number[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.t += Math.max(0, ms);
    return new Promise((resolve) => setImmediate(resolve));
  }
}
