// Where a registered person rests between dialogues. What they type is a question: answered from
// the FAQ when possible, otherwise passed to the team.
import type { Flow } from '../flow';
import { answerQuestion } from '../../helpline/questions';
import { askIfHelped } from '../../helpline/faq-dialogue';

export const homeFlow: Flow = {
  id: 'home',
  firstStep: 'idle',
  // What a registered person types is a question: answerQuestion hears urgent words itself.
  readsAnyText: true,
  steps: {
    idle: {
      ask: (turn) => ({ text: turn.t('common:homeAsk') }),
      answer(turn, answer) {
        const followUp = answerQuestion(turn, answer.text);
        if (followUp) askIfHelped(turn, followUp, true);
        else turn.quiet();
      },
    },
  },
};
