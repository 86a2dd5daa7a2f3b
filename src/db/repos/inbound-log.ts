// De-duplication of platform messages, with the replies kept until they are delivered: each reply
// is taken off the list as soon as the platform accepted it, so a redelivery after a crash gets
// only the replies that did not go out.
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inboundLog } from '../schema/index';
import { prepared } from '../prepared';

/** A message seen before, with its replies not yet sent (the core's Outbound, kept as JSON). */
export type SeenMessage<Reply> = { delivered: boolean; replies: Reply[] };

export function findSeen<Reply>(db: Db, channel: string, messageId: string): SeenMessage<Reply> | undefined {
  const row = prepared(db, 'inbound.find', () =>
    db
      .select({ delivered: inboundLog.delivered, replies: inboundLog.replies })
      .from(inboundLog)
      .where(and(eq(inboundLog.channel, sql.placeholder('channel')), eq(inboundLog.messageId, sql.placeholder('messageId'))))
      .prepare(),
  ).get({ channel, messageId });
  return row ? { delivered: row.delivered, replies: JSON.parse(row.replies) as Reply[] } : undefined;
}

export function recordHandled(db: Db, channel: string, messageId: string, personId: number | null, replies: readonly unknown[], now: Date): void {
  prepared(db, 'inbound.record', () =>
    db.$client.prepare(`INSERT INTO inbound_log (channel, message_id, person_id, replies, delivered, received_at) VALUES (?, ?, ?, ?, 0, ?)`),
  ).run(channel, messageId, personId, JSON.stringify(replies), now.getTime());
}

/**
 * The first reply still listed reached the platform: it leaves the list (the last one makes the
 * message delivered). One autocommitted statement, written the moment the platform answered.
 */
export function markReplySent(db: Db, channel: string, messageId: string): void {
  prepared(db, 'inbound.replySent', () =>
    db.$client.prepare(
      `UPDATE inbound_log SET replies = json_remove(replies, '$[0]'), delivered = (json_array_length(replies) <= 1)
       WHERE channel = ? AND message_id = ? AND delivered = 0`,
    ),
  ).run(channel, messageId);
}

export function markDelivered(db: Db, channel: string, messageId: string): void {
  prepared(db, 'inbound.delivered', () =>
    db.$client.prepare(`UPDATE inbound_log SET delivered = 1, replies = '[]' WHERE channel = ? AND message_id = ? AND delivered = 0`),
  ).run(channel, messageId);
}

/** Old entries are only needed while a platform may still redeliver. */
export function pruneInboundLog(db: Db, before: Date): number {
  return db.delete(inboundLog).where(and(lt(inboundLog.receivedAt, before), eq(inboundLog.delivered, true))).run().changes;
}

/** How many messages a person sent since a moment (for the flood limit). */
export function messagesSince(db: Db, personId: number, since: Date): number {
  return (
    prepared(db, 'inbound.since', () =>
      db
        .select({ n: count() })
        .from(inboundLog)
        .where(and(eq(inboundLog.personId, sql.placeholder('personId')), gte(inboundLog.receivedAt, sql.placeholder('since'))))
        .prepare(),
    ).get({ personId, since: since.getTime() })?.n ?? 0
  );
}
