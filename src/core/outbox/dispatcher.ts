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
import { and, eq, inArray, isNotNull, lt, lte, ne, sql, isNull, or } from 'drizzle-orm';
import { inTransaction } from '../../db/client';
import { outbox, people } from '../../db/schema/index';
import { addressesOf, markUnreachable } from '../../db/repos/people';
import { loadStack, saveStack } from '../../db/repos/conversations';
import type { OutboxPayload } from '../../db/repos/outbox';
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
    const due = and(eq(outbox.status, 'pending'), lte(outbox.dueAt, now));
    const skip = (where: ReturnType<typeof and>, reason: string) => {
      report.skipped += db.update(outbox).set({ status: 'skipped', skipReason: reason }).where(where).run().changes;
    };
    // Never sent late.
    skip(and(due, isNotNull(outbox.expiresAt), lt(outbox.expiresAt, now)), 'too_late');
    const personWhere = (cond: ReturnType<typeof eq>) => inArray(outbox.personId, db.select({ id: people.id }).from(people).where(cond));
    // Erased: nothing goes. Withdrawn: an organiser's reply or a system message still does, the rest not.
    skip(and(due, personWhere(eq(people.status, 'erased'))), 'person_erased');
    skip(and(due, inArray(outbox.kind, ['reminder', 'broadcast', 'survey', 'selection']), personWhere(ne(people.status, 'active'))), 'person_inactive');
    skip(and(due, eq(outbox.essential, false), personWhere(eq(people.essentialOnly, true))), 'essential_only');
    // No address to try, or none that works any more.
    skip(and(due, isNull(outbox.channel), or(isNull(outbox.personId), sql`NOT EXISTS (SELECT 1 FROM identities i WHERE i.person_id = ${outbox.personId} AND i.reachable = 1)`)), 'unreachable');

    const mine = this.options.channel;
    const readyChannels = [...this.senders.values()].filter((s) => s.isReady() && (!mine || s.channel === mine)).map((s) => s.channel);
    if (readyChannels.length === 0) return [];
    // This loop's rows: addressed to its channel, or to a person reachable on it (which of their
    // addresses is used is decided below, the same way whichever loop looks).
    const onChannels = mine
      ? or(eq(outbox.channel, mine), and(isNull(outbox.channel), sql`EXISTS (SELECT 1 FROM identities i WHERE i.person_id = ${outbox.personId} AND i.channel = ${mine} AND i.reachable = 1)`))
      : or(isNull(outbox.channel), inArray(outbox.channel, readyChannels));
    const candidates = db
      .select({
        id: outbox.id,
        personId: outbox.personId,
        channel: outbox.channel,
        userId: outbox.userId,
        kind: outbox.kind,
        payload: outbox.payload,
        attempts: outbox.attempts,
        expiresAt: outbox.expiresAt,
        language: people.language,
      })
      .from(outbox)
      .leftJoin(people, eq(people.id, outbox.personId))
      .where(and(due, onChannels))
      .orderBy(outbox.priority, outbox.dueAt, outbox.id)
      .limit(this.batchSize * 4)
      .all();

    const claimed: Claimed[] = [];
    const quietNow = isQuiet(now, config.reminders.quietHours, tz);
    for (const row of candidates) {
      if (claimed.length >= this.batchSize) break;
      if (quietNow && QUIET_AT_DISPATCH.has(row.kind)) {
        db.update(outbox).set({ dueAt: quietEnd(now, config.reminders.quietHours, tz) }).where(eq(outbox.id, row.id)).run();
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
          skip(eq(outbox.id, row.id), 'unreachable');
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
        skip(eq(outbox.id, row.id), 'unreachable');
        continue;
      }
      let message: Outbound;
      let payload: OutboxPayload;
      try {
        payload = JSON.parse(row.payload) as OutboxPayload;
        const lang = (LANGUAGES as readonly string[]).includes(row.language ?? '') ? (row.language as Language) : (config.panel.languages[0] ?? 'en');
        message = renderPayload(payload, lang, i18n, tz);
      } catch (err) {
        db.update(outbox).set({ status: 'failed', lastError: `cannot render: ${(err as Error).message}`.slice(0, 300), attempts: row.attempts + 1 }).where(eq(outbox.id, row.id)).run();
        report.failed++;
        continue;
      }
      db.update(outbox)
        .set({ status: 'claimed', attempts: sql`${outbox.attempts} + 1`, claimedAt: now })
        .where(eq(outbox.id, row.id))
        .run();
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
        const changed = db.update(outbox).set({ status: 'sent', sentAt: now, lastError: null }).where(and(eq(outbox.id, row.id), eq(outbox.status, 'claimed'))).run().changes;
        if (changed === 1 && row.push && row.personId !== null) pushQuestion(db, row.personId, row.push, now);
        report.sent++;
        return;
      }
      if (result.expired) {
        db.update(outbox)
          .set({ status: 'skipped', skipReason: 'too_late', lastError: null })
          .where(and(eq(outbox.id, row.id), eq(outbox.status, 'claimed')))
          .run();
        report.skipped++;
        log.info({ outbox: row.id, channel: row.address.channel, kind: row.kind }, 'outbox row expired while waiting for its turn: skipped');
        return;
      }
      if (result.unreachable) markUnreachable(db, row.address);
      const canRetry = !result.permanent || (result.unreachable && !row.fixedAddress);
      if (canRetry && row.attempts < this.maxAttempts) {
        // Unreachable here: at once, on the person's next address (or skipped if none is left).
        const wait = result.unreachable ? 0 : (result.retryAfterMs ?? this.backoff(row.attempts));
        db.update(outbox)
          .set({ status: 'pending', dueAt: new Date(now.getTime() + wait), lastError: result.reason.slice(0, 300), claimedAt: null })
          .where(and(eq(outbox.id, row.id), eq(outbox.status, 'claimed')))
          .run();
        report.retried++;
        return;
      }
      const status = result.unreachable ? 'skipped' : 'failed';
      db.update(outbox)
        .set({ status, skipReason: result.unreachable ? 'unreachable' : null, lastError: result.reason.slice(0, 300) })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'claimed')))
        .run();
      if (status === 'failed') report.failed++;
      else report.skipped++;
      log.warn({ outbox: row.id, channel: row.address.channel, attempts: row.attempts }, `outbox row ${status}`);
    });
  }
}

/** At start: rows a crash left claimed go back to pending. Returns how many. */
export function recoverOutbox(services: Pick<Services, 'db' | 'log'>): number {
  const { db, log } = services;
  const n = db.update(outbox).set({ status: 'pending', claimedAt: null }).where(eq(outbox.status, 'claimed')).run().changes;
  if (n > 0) log.warn({ rows: n }, 'outbox rows claimed before a restart are pending again');
  return n;
}

/** Puts the question a message asked on top of the person's conversation. */
function pushQuestion(db: Parameters<typeof loadStack>[0], personId: number, frame: NonNullable<OutboxPayload['push']>, now: Date): void {
  const stack = loadStack(db, personId) ?? [{ flow: 'home', step: 'idle', data: {} }];
  const top = stack[stack.length - 1]!;
  if (top.flow === frame.flow && top.step === frame.step && JSON.stringify(top.data) === JSON.stringify(frame.data)) return;
  stack.push({ flow: frame.flow, step: frame.step, data: { ...frame.data } });
  saveStack(db, personId, stack, now);
}
