// Before a message is handled: when it carries a live link code, its address joins the code's
// person. An address that already belongs to someone holding a registration or a letter is not
// moved (that would strand them); they are told how to reach the team instead.
import type { Db } from '../../db/client';
import { findPersonByAddress } from '../../db/repos/people';
import { attachAddress, findLinkCode, holdsNothing, useLinkCode } from '../../db/repos/link-codes';
import type { Inbound } from '../conversation/messages';
import { hashLinkCode, linkCodeIn } from './link-code';

export type LinkOutcome = 'linked' | 'refused';

export function redeemLinkCode(db: Db, inbound: Inbound, now: Date): LinkOutcome | undefined {
  const code = linkCodeIn(inbound.content);
  if (!code) return undefined;
  const hash = hashLinkCode(code);
  const target = findLinkCode(db, hash, now);
  if (target === undefined) return undefined;
  const current = findPersonByAddress(db, inbound.address);
  if (current && current.id !== target && !holdsNothing(db, current.id)) return 'refused';
  useLinkCode(db, hash, now);
  attachAddress(db, inbound.address, target, now);
  return 'linked';
}
