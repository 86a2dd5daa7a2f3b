// Whether a Telegram chat may still be written to: false once the person blocked the bot.
// (Writing to the bot again sets it back: see touchIdentity.)
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { identities } from '../../db/schema/index';

export function isReachable(db: Db, userId: string): boolean {
  const row = db
    .select({ reachable: identities.reachable })
    .from(identities)
    .where(and(eq(identities.channel, 'telegram'), eq(identities.userId, userId)))
    .get();
  // A chat we have no identity for yet (a first reply) is reachable until Telegram says otherwise.
  return row?.reachable ?? true;
}
