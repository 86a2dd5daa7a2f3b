// After the draw: a selected person confirms (or not) that they take part; someone not selected
// says whether they want to hear about future panels.
import type { Flow, Turn } from '../conversation/flow';
import { reservesInRankOrder, setParticipation } from '../../db/repos/selection';
import { setFuturePanels } from '../../db/repos/people';
import { raiseAlert } from '../../db/repos/alerts';
import { eligiblePool } from '../../db/repos/pool';
import { bestReserve } from './best-reserve';
import { panelCalendar } from '../panel/calendar';

function declined(turn: Turn): void {
  const { db, config } = turn.services;
  const pool = eligiblePool(db);
  const me = pool.find((m) => m.personId === turn.person.id);
  // In the reserves' rank order, so that ties on resemblance go to the one the lot ranked first.
  const byId = new Map(pool.map((m) => [m.personId, m]));
  const reserves = reservesInRankOrder(db).flatMap((id) => byId.get(id) ?? []);
  const reserve = me ? bestReserve(config, panelCalendar(db, config).firstDay(), me, reserves) : undefined;
  raiseAlert(db, 'selection_declined', { person: turn.person.pseudonym, proposedReserve: reserve?.pseudonym ?? null }, turn.now);
}

export const participationFlow: Flow = {
  id: 'participation',
  firstStep: 'confirm',
  steps: {
    confirm: {
      ask: (turn) => ({
        text: turn.t('selection:confirmAsk'),
        choices: [
          { id: 'yes', label: turn.t('selection:confirmYes') },
          { id: 'no', label: turn.t('selection:confirmNo') },
        ],
      }),
      answer(turn, answer) {
        const yes = answer.choiceId === 'yes';
        setParticipation(turn.services.db, turn.person.id, yes ? 'confirmed' : 'declined', turn.now);
        if (!yes) {
          declined(turn);
          turn.say(turn.t('selection:declined'));
          turn.pop();
          turn.quiet();
          return;
        }
        turn.say(turn.t('selection:confirmed'));
        turn.pop();
        // The needs dialogue follows the confirmation, when this panelbot has it.
        if (turn.hasFlow('needs')) turn.push('needs');
      },
    },
    futurePanels: {
      ask: (turn) => ({
        text: turn.t('selection:futurePanelsAsk'),
        choices: [
          { id: 'yes', label: turn.t('common:yes') },
          { id: 'no', label: turn.t('common:no') },
        ],
      }),
      answer(turn, answer) {
        const yes = answer.choiceId === 'yes';
        setFuturePanels(turn.services.db, turn.person.id, yes);
        turn.say(turn.t(yes ? 'selection:futurePanelsYes' : 'selection:futurePanelsNo'));
        turn.pop();
        turn.quiet();
      },
    },
  },
};
