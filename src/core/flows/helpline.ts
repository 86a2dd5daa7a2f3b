// "Talk to a person": asks for the question and hands it to the team.
import type { Flow } from '../flow';
import { submitQuestion } from '../helpline';

export const helplineFlow: Flow = {
  id: 'helpline',
  firstStep: 'question',
  steps: {
    question: {
      ask: (turn) => ({ text: turn.t('common:helplineAsk') }),
      answer(turn, answer) {
        const ticket = submitQuestion(turn, turn.address, answer.text);
        turn.say(turn.t('common:helplineReceived', { ref: `#${ticket.id}` }));
        turn.pop();
      },
    },
  },
};
