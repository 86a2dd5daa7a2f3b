// The outbox dispatcher: claims due rows in a transaction, renders each in the person's language,
// hands it to the channel's sender, and records what happened. At-least-once: a row is marked sent
// only after the platform accepted it; after a crash, rows left 'claimed' go back to pending
// (recover), so only the messages in flight at the crash can be sent twice.
//
// Never sent late: a row past its expiresAt is skipped with skip_reason 'too_late', at the claim
// and again at the moment each of its platform messages would leave the channel's paced queue
// (SendOptions.isDue): a batch of 50 at WhatsApp's pace lasts minutes.
// Quiet hours at dispatch: broadcasts, surveys and the draw's outcome wait for the end of quiet
// hours (their due time moves there). Reminders are planned around quiet hours already (their
// expiry stops before the next quiet hours); replies to a person's question and system messages
// go at once.
import { inTransaction } from '../../db/client';
import { claimRow, dueRows, failRow, giveUpRow, markRowExpired, markRowSent, postponeRow, retryRow, skipRow, skipUndeliverable, unclaimAll } from '../../db/repos/outbox-dispatch';
import { addressesOf, markUnreachable } from '../../db/repos/people';
import { loadStack, saveStack } from '../../db/repos/conversations';
import type { OutboxPayload } from './payload';
import type { Frame } from '../conversation/flow';
import type { Services } from '../conversation/flow';
import type { ChannelAddress, ChannelKind, Outbound } from '../conversation/messages';
import { EXPIRED, type ChannelSender, type DeliveryResult } from './ports';
import { LANGUAGES, type Language } from '../panel/config';
import { renderPayload } from './render';
import { isQuiet, quietEnd } from '../reminders/reminder-times';

/** Kinds that wait for the end of quiet hours when they fall due inside them. */
export const QUIET_AT_DISPATCH = new Set(['broadcast', 'survey', 'selection']);

export interface DispatcherOptions {
  services: Pick<Services, 'db' | 'config' | 'i18n' | 'clock' | 'log'>;
  senders: Iterable<ChannelSender>;
  /** Rows claimed per tick. */
  batchSize?: number;
  /**
   * Only the rows that go out on this channel. The scheduler runs one dispatcher per channel, so
   * a slow channel (WhatsApp at a human pace) never holds up another. Without it: every channel.
   */
  channel?: ChannelKind;
  /** Tries before a row is marked failed. */
  maxAttempts?: number;
  /** Wait before the next try after the n-th failed attempt. */
  backoffMs?: (attempt: number) => number;
}

export interface TickReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  postponed: number;
}

export const defaultBackoff = (attempt: number) => Math.min(60_000 * 2 ** (attempt - 1), 3_600_000);

interface Claimed {
  id: number;
  kind: string;
  address: ChannelAddress;
  fixedAddress: boolean;
  message: Outbound;
  push?: OutboxPayload['push'];
  personId: number | null;
  attempts: number;
  expiresAt: Date | null;
}

export class Dispatcher {
  private readonly senders = new Map<ChannelKind, ChannelSender>();
  readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly backoff: (attempt: number) => number;

  constructor(private readonly options: DispatcherOptions) {
    for (const sender of options.senders) this.senders.set(sender.channel, sender);
    this.batchSize = options.batchSize ?? 50;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoff = options.backoffMs ?? defaultBackoff;
  }

  /** At start: rows a crash left claimed are tried again. Returns how many. */
  recover(): number {
    return recoverOutbox(this.options.services);
  }

  /** One pass: claims what is due and sends it. Never run two ticks at once (the scheduler makes sure). */
  async tick(): Promise<TickReport> {
    const report: TickReport = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0, postponed: 0 };
    const claimed = inTransaction(this.options.services.db, () => this.claim(report));
    report.claimed = claimed.length;
    await Promise.all(claimed.map((row) => this.deliver(row, report)));
    if (report.claimed + report.skipped + report.postponed > 0) this.options.services.log.info({ ...report }, 'outbox tick');
    return report;
  }

  private ready(channel: string, userId?: string): ChannelSender | undefined {
    const sender = this.senders.get(channel as ChannelKind);
    if (!sender || !sender.isReady()) return undefined;
    if (userId !== undefined && sender.isReadyFor && !sender.isReadyFor(userId)) return undefined;
    return sender;
  }

  private claim(report: TickReport): Claimed[] {
    const { db, config, i18n, clock } = this.options.services;
    const now = clock.now();
    const tz = config.panel.timezone;
    report.skipped += skipUndeliverable(db, now);

    const mine = this.options.channel;
    const readyChannels = [...this.senders.values()].filter((s) => s.isReady() && (!mine || s.channel === mine)).map((s) => s.channel);
    if (readyChannels.length === 0) return [];
    // This loop's rows: addressed to its channel, or to a person reachable on it (which of their
    // addresses is used is decided below, the same way whichever loop looks).
    const candidates = dueRows(db, now, { mine, ready: readyChannels }, this.batchSize * 4);

    const claimed: Claimed[] = [];
    const quietNow = isQuiet(now, config.reminders.quietHours, tz);
    for (const row of candidates) {
      if (claimed.length >= this.batchSize) break;
      if (quietNow && QUIET_AT_DISPATCH.has(row.kind)) {
        postponeRow(db, row.id, quietEnd(now, config.reminders.quietHours, tz));
        report.postponed++;
        continue;
      }
      let address: ChannelAddress | undefined;
      if (row.channel && row.userId) {
        if (!this.ready(row.channel, row.userId)) continue;
        address = { channel: row.channel as ChannelKind, userId: row.userId };
      } else if (row.personId !== null) {
        const reachable = addressesOf(db, row.personId).filter((a) => a.reachable);
        if (reachable.length === 0) {
          report.skipped += skipRow(db, row.id, 'unreachable');
          continue;
        }
        address = reachable.find((a) => this.ready(a.channel, a.userId));
        // Reachable, but not on a channel running now: it waits (until its expiry, if any).
        if (!address) continue;
        // Going out on another channel: that channel's loop sends it.
        if (mine && address.channel !== mine) continue;
        address = { channel: address.channel, userId: address.userId };
      }
      if (!address) {
        report.skipped += skipRow(db, row.id, 'unreachable');
        continue;
      }
      let message: Outbound;
      let payload: OutboxPayload;
      try {
        payload = JSON.parse(row.payload) as OutboxPayload;
        const lang = (LANGUAGES as readonly string[]).includes(row.language ?? '') ? (row.language as Language) : (config.panel.languages[0] ?? 'en');
        message = renderPayload(payload, lang, i18n, tz, row.easyRead === true);
      } catch (err) {
        failRow(db, row.id, `cannot render: ${(err as Error).message}`, row.attempts + 1);
        report.failed++;
        continue;
      }
      claimRow(db, row.id, now);
      claimed.push({
        id: row.id,
        kind: row.kind,
        address,
        fixedAddress: Boolean(row.channel && row.userId),
        message,
        push: payload.push,
        personId: row.personId,
        attempts: row.attempts + 1,
        expiresAt: row.expiresAt,
      });
    }
    return claimed;
  }

  private async deliver(row: Claimed, report: TickReport): Promise<void> {
    const sender = this.senders.get(row.address.channel)!;
    const { db, clock, log } = this.options.services;
    // The same rule as at the claim (a row is late once expiresAt < now), asked again by the
    // adapter when the message actually leaves.
    const expiresAt = row.expiresAt?.getTime();
    const isDue = () => expiresAt === undefined || clock.now().getTime() <= expiresAt;
    let result: DeliveryResult;
    try {
      result = isDue() ? await sender.send(row.address.userId, row.message, row.kind === 'reply' ? 'reply' : 'bulk', { isDue }) : EXPIRED;
    } catch (err) {
      result = { ok: false, permanent: false, reason: `sender threw: ${(err as Error).message}`.slice(0, 300) };
    }
    const now = clock.now();
    inTransaction(db, () => {
      if (result.ok) {
        // A row cancelled while in flight (the person was erased) stays cancelled and asks nothing.
        const changed = markRowSent(db, row.id, now);
        if (changed && row.push && row.personId !== null) pushQuestion(db, row.personId, row.push, now);
        report.sent++;
        return;
      }
      if (result.expired) {
        markRowExpired(db, row.id);
        report.skipped++;
        log.info({ outbox: row.id, channel: row.address.channel, kind: row.kind }, 'outbox row expired while waiting for its turn: skipped');
        return;
      }
      if (result.skipReason) {
        giveUpRow(db, row.id, 'skipped', result.skipReason, result.reason);
        report.skipped++;
        return;
      }
      if (result.unreachable) markUnreachable(db, row.address);
      const canRetry = !result.permanent || (result.unreachable && !row.fixedAddress);
      if (canRetry && row.attempts < this.maxAttempts) {
        // Unreachable here: at once, on the person's next address (or skipped if none is left).
        const wait = result.unreachable ? 0 : (result.retryAfterMs ?? this.backoff(row.attempts));
        retryRow(db, row.id, new Date(now.getTime() + wait), result.reason);
        report.retried++;
        return;
      }
      const status = result.unreachable ? 'skipped' : 'failed';
      giveUpRow(db, row.id, status, result.unreachable ? 'unreachable' : null, result.reason);
      if (status === 'failed') report.failed++;
      else report.skipped++;
      log.warn({ outbox: row.id, channel: row.address.channel, attempts: row.attempts }, `outbox row ${status}`);
    });
  }
}

/** At start: rows a crash left claimed go back to pending. Returns how many. */
export function recoverOutbox(services: Pick<Services, 'db' | 'log'>): number {
  const { db, log } = services;
  const n = unclaimAll(db);
  if (n > 0) log.warn({ rows: n }, 'outbox rows claimed before a restart are pending again');
  return n;
}

/** Puts the question a message asked on top of the person's conversation. */
function pushQuestion(db: Parameters<typeof loadStack>[0], personId: number, frame: NonNullable<OutboxPayload['push']>, now: Date): void {
  const stack = loadStack<Frame>(db, personId) ?? [{ flow: 'home', step: 'idle', data: {} }];
  const top = stack[stack.length - 1]!;
  if (top.flow === frame.flow && top.step === frame.step && JSON.stringify(top.data) === JSON.stringify(frame.data)) return;
  stack.push({ flow: frame.flow, step: frame.step, data: { ...frame.data } });
  saveStack(db, personId, stack, now);
}
