// Where a registered person rests between dialogues. What they type is a question for the helpline.
import type { Flow } from '../flow';
import { submitQuestion } from '../helpline';

export const homeFlow: Flow = {
  id: 'home',
  firstStep: 'idle',
  steps: {
    idle: {
      ask: (turn) => ({ text: turn.t('common:homeAsk') }),
      answer(turn, answer) {
        const ticket = submitQuestion(turn, turn.address, answer.text);
        turn.say(turn.t('common:helplineReceived', { ref: `#${ticket.id}` }));
        turn.quiet();
      },
    },
  },
};
