// "Talk to a person": asks for the question; the FAQ answers it when it can, else the team does.
import type { Flow } from '../conversation/flow';
import { answerQuestion } from './questions';
import { askIfHelped } from './faq-dialogue';

export const helplineFlow: Flow = {
  id: 'helpline',
  firstStep: 'question',
  steps: {
    question: {
      ask: (turn) => ({ text: turn.t('common:helplineAsk') }),
      answer(turn, answer) {
        const followUp = answerQuestion(turn, answer.text);
        turn.pop();
        if (followUp) askIfHelped(turn, followUp, false);
      },
    },
  },
};
