// The scheduler: a node-cron tick every N seconds plans what is due (reminders, questionnaires)
// and dispatches the outbox through the channels' senders. Time comes from services.clock.
import cron, { type ScheduledTask } from 'node-cron';
import type { Services } from './core/flow';
import type { ChannelSender } from './core/ports';
import { Dispatcher, type DispatcherOptions, type TickReport } from './core/scheduling/dispatcher';
import { planReminders } from './core/scheduling/plan-reminders';

export interface SchedulerOptions {
  services: Services;
  senders: ChannelSender[];
  /** Seconds between ticks (1-59). */
  everySeconds?: number;
  /** Other planners run at each tick before dispatching (e.g. questionnaires). */
  planners?: Array<(services: Services, now: Date) => unknown>;
  dispatcher?: Omit<DispatcherOptions, 'services' | 'senders'>;
}

export class Scheduler {
  readonly dispatcher: Dispatcher;
  private task: ScheduledTask | undefined;
  private running: Promise<TickReport | undefined> | undefined;
  private stopping = false;

  constructor(private readonly options: SchedulerOptions) {
    this.dispatcher = new Dispatcher({ ...options.dispatcher, services: options.services, senders: options.senders });
  }

  /** Puts back what a crash left in flight, then ticks every N seconds. */
  start(): void {
    if (this.task) return;
    this.stopping = false;
    this.dispatcher.recover();
    const every = Math.min(59, Math.max(1, Math.round(this.options.everySeconds ?? 15)));
    this.task = cron.schedule(`*/${every} * * * * *`, () => void this.tick(), { noOverlap: true, name: 'panelbot-outbox' });
    void this.tick();
  }

  /** One plan + dispatch pass; a pass still running is awaited instead of starting a second. */
  tick(): Promise<TickReport | undefined> {
    if (this.running) return this.running;
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<TickReport | undefined> {
    const { services } = this.options;
    try {
      const now = services.clock.now();
      planReminders(services, now);
      for (const plan of this.options.planners ?? []) plan(services, now);
      // A full batch means more is due: keep sending at the platforms' pace instead of waiting for
      // the next tick (a broadcast to thousands would otherwise crawl at one batch per tick).
      let report = await this.dispatcher.tick();
      while (!this.stopping && report.claimed >= this.dispatcher.batchSize) report = await this.dispatcher.tick();
      return report;
    } catch (err) {
      services.log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'scheduler tick failed');
      return undefined;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.task?.stop();
    await this.task?.destroy?.();
    this.task = undefined;
    await this.running;
  }
}
