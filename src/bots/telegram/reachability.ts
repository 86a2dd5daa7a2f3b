// Whether a Telegram chat may still be written to: false once the person blocked the bot.
// (Writing to the bot again sets it back: see touchIdentity.)
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { prepared } from '../../db/prepared';
import { identities } from '../../db/schema/index';

export function isReachable(db: Db, userId: string): boolean {
  // Asked before every message sent: prepared once (building the query cost more than running it).
  const row = prepared(db, 'telegram.reachable', () =>
    db
      .select({ reachable: identities.reachable })
      .from(identities)
      .where(and(eq(identities.channel, 'telegram'), eq(identities.userId, sql.placeholder('userId'))))
      .prepare(),
  ).get({ userId });
  // A chat we have no identity for yet (a first reply) is reachable until Telegram says otherwise.
  return row?.reachable ?? true;
}
