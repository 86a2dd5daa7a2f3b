// After two answers to the same question that could not be read, a person is offered. "Yes"
// hands the question to the team; "no" asks the question again; anything else typed is taken as
// a new try at the question below.
import type { Flow } from '../conversation/flow';
import { passToTeam, sayOnTicket } from './questions';

export const OFFER_PERSON_FLOW = 'offerPerson';

export const offerPersonFlow: Flow = {
  id: OFFER_PERSON_FLOW,
  firstStep: 'offer',
  readsAnyText: true,
  steps: {
    offer: {
      freeText: true,
      ask: (turn) => ({
        text: turn.t('helpline:offer.ask'),
        choices: [
          { id: 'yes', label: turn.t('helpline:offer.yes') },
          { id: 'no', label: turn.t('helpline:offer.no') },
        ],
      }),
      answer(turn, answer) {
        const { where, question } = turn.frame.data as { where?: string; question?: string };
        turn.pop();
        if (answer.choiceId === 'yes') {
          // The team sees where the person is stuck; what they typed stays in the chat.
          const ticket = passToTeam(turn, `Stuck at ${where ?? 'a question'} after two answers that could not be read. The question: ${question ?? ''}`);
          sayOnTicket(turn, ticket.id, turn.t('helpline:offer.meanwhile'));
          return;
        }
        if (answer.choiceId === 'no') return;
        turn.retell(answer.text);
      },
    },
  },
};
