// Long polling: getUpdates, handle the batch (in order per chat, chats at once), and only then
// move the offset past what was handled. After a crash Telegram gives back what was not
// confirmed; the engine answers a message it already answered with nothing.
import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../core/conversation/logger';
import type { ChatQueue } from './chat-queue';
import { describeError } from './errors';
import type { Outcome, UpdateHandler } from './handler';
import type { Timing } from './timing';
import { chatKey } from './update-to-inbound';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

export interface PollerOptions {
  api: Api;
  handler: UpdateHandler;
  chats: ChatQueue;
  timing: Timing;
  log: Logger;
  /** Called after each batch, before the offset moves: confirmations are written first. */
  afterBatch: () => void;
  timeoutSeconds?: number;
  /** The longest pause after failures (ms). */
  maxBackoffMs?: number;
}

export class Poller {
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private offset = 0;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private get isStopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Sleeps, but wakes at once when stopped. */
  private pause(ms: number): Promise<void> {
    return this.options.timing.sleep(ms, this.abort.signal);
  }

  private async loop(): Promise<void> {
    const { api, log, timeoutSeconds = 30, maxBackoffMs = 60_000 } = this.options;
    let failures = 0;
    while (!this.isStopped) {
      let updates: Update[];
      try {
        updates = await api.getUpdates({ offset: this.offset, timeout: timeoutSeconds, limit: 100, allowed_updates: [...ALLOWED_UPDATES] }, this.abort.signal as Parameters<Api['getUpdates']>[1]);
      } catch (err) {
        if (this.isStopped) break;
        failures++;
        const conflict = err instanceof GrammyError && err.error_code === 409;
        log.warn({ err: describeError(err), failures }, conflict ? 'another instance or a webhook is taking the updates' : 'getUpdates failed');
        await this.pause(Math.min(maxBackoffMs, 1000 * 2 ** Math.min(failures - 1, 10)));
        continue;
      }
      failures = 0;
      if (updates.length === 0) continue;
      let outcomes: Outcome[];
      try {
        outcomes = await this.handleBatch(updates);
        this.options.afterBatch();
      } catch (err) {
        // Not expected (the handler never throws), but the loop must outlive anything.
        log.error({ err: describeError(err) }, 'batch not handled');
        outcomes = updates.map(() => ({ kind: 'retry' }));
      }
      const firstRetry = outcomes.findIndex((o) => o.kind === 'retry');
      if (firstRetry < 0) {
        this.offset = updates[updates.length - 1]!.update_id + 1;
        continue;
      }
      // Everything before the first update that could not be answered is confirmed; the rest comes back.
      this.offset = updates[firstRetry]!.update_id;
      const asked = Math.max(0, ...outcomes.map((o) => (o.kind === 'retry' ? (o.afterMs ?? 0) : 0)));
      log.warn({ update: this.offset }, 'replies not sent yet: the update will be handled again');
      await this.pause(Math.max(asked, 5000));
    }
  }

  private handleBatch(updates: Update[]): Promise<Outcome[]> {
    const { chats, handler } = this.options;
    // Once a chat's update has to wait, its later updates in the batch wait too: order is kept.
    const held = new Set<string>();
    return Promise.all(
      updates.map((update) => {
        const key = chatKey(update);
        return chats.run(key, async (): Promise<Outcome> => {
          if (held.has(key) || this.isStopped) return { kind: 'retry' };
          const outcome = await handler.handle(update);
          if (outcome.kind === 'retry') held.add(key);
          return outcome;
        });
      }),
    );
  }
}
