// De-duplication of platform messages, with the replies kept until they are delivered.
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { inboundLog } from '../schema/index';
import type { Outbound } from '../../core/messages';

export type SeenMessage = { delivered: boolean; replies: Outbound[] };

export function findSeen(db: Db, channel: string, messageId: string): SeenMessage | undefined {
  const row = db
    .select({ delivered: inboundLog.delivered, replies: inboundLog.replies })
    .from(inboundLog)
    .where(and(eq(inboundLog.channel, channel), eq(inboundLog.messageId, messageId)))
    .get();
  return row ? { delivered: row.delivered, replies: JSON.parse(row.replies) as Outbound[] } : undefined;
}

export function recordHandled(db: Db, channel: string, messageId: string, personId: number | null, replies: Outbound[], now: Date): void {
  db.insert(inboundLog).values({ channel, messageId, personId, replies: JSON.stringify(replies), receivedAt: now }).run();
}

export function markDelivered(db: Db, channel: string, messageId: string): void {
  db.update(inboundLog)
    .set({ delivered: true, replies: '[]' })
    .where(and(eq(inboundLog.channel, channel), eq(inboundLog.messageId, messageId)))
    .run();
}

/** Old entries are only needed while a platform may still redeliver. */
export function pruneInboundLog(db: Db, before: Date): number {
  return db.delete(inboundLog).where(and(lt(inboundLog.receivedAt, before), eq(inboundLog.delivered, true))).run().changes;
}

/** How many messages a person sent since a moment (for the flood limit). */
export function messagesSince(db: Db, personId: number, since: Date): number {
  return db.select({ n: count() }).from(inboundLog).where(and(eq(inboundLog.personId, personId), gte(inboundLog.receivedAt, since))).get()?.n ?? 0;
}
