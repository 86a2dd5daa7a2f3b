// Whether a Telegram chat may still be written to: false once the person blocked the bot.
// (Writing to the bot again sets it back: see touchIdentity.)
import type { Db } from '../../db/client';
import { isAddressReachable } from '../../db/repos/people';

export function isReachable(db: Db, userId: string): boolean {
  return isAddressReachable(db, 'telegram', userId);
}
