// "Start over": asks first, because it erases the answers of the flow underneath.
import type { Flow } from '../flow';

export const restartFlow: Flow = {
  id: 'restart',
  firstStep: 'confirm',
  steps: {
    confirm: {
      ask: (turn) => ({
        text: turn.t('common:restartAsk'),
        choices: [
          { id: 'yes', label: turn.t('common:yes') },
          { id: 'no', label: turn.t('common:no') },
        ],
      }),
      answer(turn, answer) {
        turn.pop();
        if (answer.choiceId === 'yes') {
          const below = turn.frame;
          turn.say(turn.t('common:restartDone'));
          turn.replace(below.flow, undefined, restartData(below.data));
        } else {
          turn.say(turn.t('common:restartKept'));
        }
      },
    },
  },
};

/** What survives a restart: the invitation code already accepted (it is claimed by this person). */
function restartData(data: Record<string, unknown>): Record<string, unknown> {
  return typeof data.code === 'string' ? { code: data.code } : {};
}
