// Putting messages in the durable outbox. The dispatcher (src/core/outbox) sends them.
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { outbox } from '../schema/index';

/**
 * The outline of what a queued message says, as the store accepts it (kept as JSON): a message
 * already written, or a text key rendered at send time, and the question it asks. The exact shape
 * is the core's (src/core/outbox/payload.ts, OutboxPayload), which fits this outline.
 */
export type StoredPayload = (
  | { outbound: object }
  | { template: { key: string; params?: Record<string, unknown>; choices?: Array<{ id: string; key: string }> } }
) & { push?: { flow: string; step: string; data: object } };

export interface NewOutboxRow {
  personId: number;
  kind: 'reminder' | 'broadcast' | 'selection' | 'reply' | 'survey' | 'system';
  payload: StoredPayload;
  dueAt: Date;
  /** Past this the message is skipped with a reason, never sent late. */
  expiresAt?: Date;
  /** One message per key, ever. */
  idempotencyKey: string;
  /** Lower goes first: replies 0, reminders 5, broadcasts 10. */
  priority?: number;
  essential?: boolean;
  /** A fixed address; otherwise the person's best reachable address at send time. */
  channel?: string;
  userId?: string;
}

/** Queues a message; returns false when a message with this idempotency key already exists. */
export function enqueue(db: Db, row: NewOutboxRow, now: Date): boolean {
  const inserted = db
    .insert(outbox)
    .values({
      personId: row.personId,
      kind: row.kind,
      payload: JSON.stringify(row.payload),
      dueAt: row.dueAt,
      expiresAt: row.expiresAt,
      idempotencyKey: row.idempotencyKey,
      priority: row.priority ?? (row.kind === 'reply' ? 0 : row.kind === 'broadcast' ? 10 : 5),
      essential: row.essential ?? true,
      channel: row.channel,
      userId: row.userId,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .run();
  return inserted.changes === 1;
}

/** The person's unsent reminders, with their keys (which name the event). */
export function pendingRemindersOf(db: Db, personId: number): Array<{ id: number; key: string }> {
  return db
    .select({ id: outbox.id, key: outbox.idempotencyKey })
    .from(outbox)
    .where(and(eq(outbox.personId, personId), eq(outbox.kind, 'reminder'), eq(outbox.status, 'pending')))
    .all();
}

/** Cancels these rows with a reason; returns how many changed. */
export function cancelRows(db: Db, ids: number[], reason: string): number {
  if (ids.length === 0) return 0;
  return db.update(outbox).set({ status: 'cancelled', skipReason: reason }).where(inArray(outbox.id, ids)).run().changes;
}

/** Every idempotency key of the person's messages (which say what they were sent). */
export function messageKeysOf(db: Db, personId: number): string[] {
  return db.select({ key: outbox.idempotencyKey }).from(outbox).where(eq(outbox.personId, personId)).all().map((r) => r.key);
}

/** Cancels those of these rows still pending; returns how many changed. */
/** Cancels the pending rows whose idempotency key starts with the prefix (a notice superseded by a newer one). */
export function cancelPendingByKeyPrefix(db: Db, prefix: string, reason: string): number {
  // Every key that starts with the prefix sorts between it and the prefix followed by the last code point.
  return db
    .update(outbox)
    .set({ status: 'cancelled', skipReason: reason })
    .where(and(gte(outbox.idempotencyKey, prefix), lt(outbox.idempotencyKey, `${prefix}\u{10FFFF}`), eq(outbox.status, 'pending')))
    .run().changes;
}

export function cancelPendingRows(db: Db, ids: number[], reason: string): number {
  if (ids.length === 0) return 0;
  return db
    .update(outbox)
    .set({ status: 'cancelled', skipReason: reason })
    .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')))
    .run().changes;
}

/** Messages still to send (pending or claimed) due in [from, to), by due time. */
export function unsentBetween(db: Db, from: Date, to: Date): Array<{ personId: number | null; channel: string | null; kind: string; dueAt: Date }> {
  return db
    .select({ personId: outbox.personId, channel: outbox.channel, kind: outbox.kind, dueAt: outbox.dueAt })
    .from(outbox)
    .where(and(inArray(outbox.status, ['pending', 'claimed']), gte(outbox.dueAt, from), lt(outbox.dueAt, to)))
    .orderBy(outbox.dueAt)
    .all();
}

/** How many messages per status, kind and reason (the skip reason, or a failure's last error). */
export function outboxStatusCounts(db: Db): Array<{ status: string; kind: string; reason: string; n: number }> {
  return db.$client
    .prepare(
      `SELECT status, kind, COALESCE(skip_reason, CASE WHEN status = 'failed' THEN last_error END, '') AS reason, count(*) AS n
       FROM outbox GROUP BY status, kind, reason ORDER BY status, kind, n DESC`,
    )
    .all() as Array<{ status: string; kind: string; reason: string; n: number }>;
}

/** Pending messages that failed at least once and wait for their next try. */
export function countRetrying(db: Db): number {
  return (db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND attempts > 0").get() as { n: number }).n;
}
