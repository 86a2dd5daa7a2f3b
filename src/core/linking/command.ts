// "link" (lier, koppelen, verknüpfen): a one-time code to continue this conversation in another app.
import type { Command } from '../conversation/commands';
import { saveLinkCode } from '../../db/repos/link-codes';
import { formatLinkCode, hashLinkCode, LINK_CODE_MINUTES, newLinkCode } from './link-code';

export const linkCommand: Command = {
  id: 'link',
  appliesTo: (turn) => turn.person.language !== null && turn.frame.flow !== 'welcome',
  run(turn) {
    const code = newLinkCode();
    saveLinkCode(turn.services.db, hashLinkCode(code), turn.person.id, turn.now, new Date(turn.now.getTime() + LINK_CODE_MINUTES * 60_000));
    turn.say(turn.t('linking:code', { code: formatLinkCode(code), minutes: LINK_CODE_MINUTES }));
    // At home there is no question to ask again.
    if (turn.frame.flow === 'home') turn.quiet();
    else turn.goto(turn.frame.step);
  },
};
