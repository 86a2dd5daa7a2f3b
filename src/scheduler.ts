// The scheduler: a node-cron tick every N seconds plans what is due (reminders, questionnaires)
// and dispatches the outbox through the channels' senders, one loop per channel. Time comes from
// services.clock.
import cron, { type ScheduledTask } from 'node-cron';
import type { Services } from './core/conversation/flow';
import type { ChannelSender } from './core/outbox/ports';
import { Dispatcher, recoverOutbox, type DispatcherOptions, type TickReport } from './core/outbox/dispatcher';
import { planReminders } from './core/reminders/plan-reminders';
import { acquireLease, leaseRecord, releaseLease, takeOverLease } from './db/repos/leases';
import { liveness, parseHolder, thisHolder } from './lease-holder';

export interface SchedulerOptions {
  services: Services;
  senders: ChannelSender[];
  /** Seconds between ticks (1-59). */
  everySeconds?: number;
  /** Other planners run at each tick before dispatching (e.g. questionnaires). */
  planners?: Array<(services: Services, now: Date) => unknown>;
  dispatcher?: Omit<DispatcherOptions, 'services' | 'senders'>;
}

/** Only one process sends a database's outbox: two would send the same rows. */
export const OUTBOX_LEASE = 'outbox';
/**
 * The lease outlives a few missed ticks. A holder that is gone from this host (crashed, killed) is
 * replaced at once; one on another host, or one that cannot be checked, after this.
 */
export const LEASE_TTL_MS = 60_000;

export class Scheduler {
  /** One dispatcher per channel: each sends at its own platform's pace, none waits for another. */
  readonly dispatchers: Dispatcher[];
  /** This process, as the outbox lease names it. */
  readonly holder = thisHolder();
  private task: ScheduledTask | undefined;
  private readonly loops = new Map<Dispatcher, Promise<TickReport>>();
  private stopping = false;
  private holding = false;
  private toldWaiting: string | undefined;

  constructor(private readonly options: SchedulerOptions) {
    const channels = [...new Set(options.senders.map((s) => s.channel))];
    this.dispatchers = channels.map((channel) => new Dispatcher({ ...options.dispatcher, services: options.services, senders: options.senders, channel }));
  }

  /** Ticks every N seconds. Rows a crash left in flight are put back once this process holds the outbox. */
  start(): void {
    if (this.task) return;
    this.stopping = false;
    const every = Math.min(59, Math.max(1, Math.round(this.options.everySeconds ?? 15)));
    this.task = cron.schedule(`*/${every} * * * * *`, () => void this.tick(), { noOverlap: true, name: 'panelbot-outbox' });
    void this.tick();
  }

  /**
   * Plans what is due, then starts dispatching on every channel whose loop is idle; a channel
   * still sending (a broadcast at WhatsApp's pace) goes on undisturbed. Resolves with what the
   * loops started here sent.
   */
  async tick(): Promise<TickReport> {
    const { services } = this.options;
    if (!this.holdLease()) return sum([]);
    try {
      const now = services.clock.now();
      planReminders(services, now);
      for (const plan of this.options.planners ?? []) plan(services, now);
    } catch (err) {
      services.log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'scheduler planning failed');
    }
    const started: Array<Promise<TickReport>> = [];
    for (const dispatcher of this.dispatchers) {
      if (this.stopping || this.loops.has(dispatcher)) continue;
      const loop = this.dispatchWhileDue(dispatcher).finally(() => this.loops.delete(dispatcher));
      this.loops.set(dispatcher, loop);
      started.push(loop);
    }
    return sum(await Promise.all(started));
  }

  /** A full batch means more is due: keep sending at the platform's pace instead of waiting for the next tick. */
  private async dispatchWhileDue(dispatcher: Dispatcher): Promise<TickReport> {
    const reports: TickReport[] = [];
    try {
      let report = await dispatcher.tick();
      reports.push(report);
      while (!this.stopping && report.claimed >= dispatcher.batchSize) {
        report = await dispatcher.tick();
        reports.push(report);
      }
    } catch (err) {
      this.options.services.log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'outbox dispatch failed');
    }
    return sum(reports);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.task?.stop();
    await this.task?.destroy?.();
    this.task = undefined;
    await Promise.all(this.loops.values());
    if (this.holding) {
      this.holding = false;
      try {
        releaseLease(this.options.services.db, OUTBOX_LEASE, this.holder);
      } catch {
        // The store is gone: the lease expires on its own.
      }
    }
  }

  /**
   * Takes or renews the outbox lease. A holder that no longer runs on this host is replaced at once
   * (a restart after a crash sends within a tick); a live one, or one on another host, is waited for.
   * Taking it puts back the rows the previous holder left claimed (they may go twice: they were in
   * flight). Without it, this process waits, and says why once.
   */
  private holdLease(): boolean {
    const { db, clock, log } = this.options.services;
    let held = false;
    try {
      held = acquireLease(db, OUTBOX_LEASE, this.holder, clock.now(), LEASE_TTL_MS);
      if (!held) held = this.takeOverFromGone();
    } catch (err) {
      log.warn({ err: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'outbox lease not renewed');
      return this.holding; // a busy store: go on as before this tick
    }
    if (held && !this.holding) {
      recoverOutbox(this.options.services);
      this.toldWaiting = undefined;
    }
    this.holding = held;
    return held;
  }

  /** The lease is someone else's: take it if its holder is certainly gone, else say (once) why we wait. */
  private takeOverFromGone(): boolean {
    const { db, clock, log } = this.options.services;
    const record = leaseRecord(db, OUTBOX_LEASE);
    if (!record) return false;
    const state = liveness(record.holder);
    const holder = parseHolder(record.holder);
    const who = holder ? { host: holder.host, pid: holder.pid } : {};
    if (state === 'gone') {
      if (!takeOverLease(db, OUTBOX_LEASE, record.holder, this.holder, clock.now(), LEASE_TTL_MS)) return false;
      log.warn(who, `the outbox lease was held by process ${holder?.pid} on this host, which no longer runs (it crashed or was killed): this process took it over at once`);
      return true;
    }
    if (this.toldWaiting !== record.holder) {
      this.toldWaiting = record.holder;
      const waitS = Math.max(0, Math.ceil((record.expiresAt - clock.now().getTime()) / 1000));
      if (state === 'alive') log.warn(who, `another panelbot process (pid ${holder?.pid} on this host) is sending this database’s outbox: this one waits until it stops`);
      else log.warn(who, `another process (${state === 'elsewhere' ? `on host ${holder?.host}` : 'unknown'}) holds this database’s outbox: this one waits until it stops, or takes over if it does not renew within ${waitS} s`);
    }
    return false;
  }
}

function sum(reports: TickReport[]): TickReport {
  const total: TickReport = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0, postponed: 0 };
  for (const r of reports) for (const k of Object.keys(total) as Array<keyof TickReport>) total[k] += r[k];
  return total;
}
