// "Talk to a person": asks for the question and hands it to the team. The FAQ is not tried:
// someone who asked for a person gets a person.
import type { Flow } from '../conversation/flow';
import { passToTeam } from './questions';

export const helplineFlow: Flow = {
  id: 'helpline',
  firstStep: 'question',
  readsAnyText: true,
  steps: {
    question: {
      ask: (turn) => ({ text: turn.t('common:helplineAsk') }),
      answer(turn, answer) {
        passToTeam(turn, answer.text);
        turn.pop();
      },
    },
  },
};
