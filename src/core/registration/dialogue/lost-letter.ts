// A lost or missing letter at the code step: the person gives their name and address, the team
// is asked to find their code (a helpline ticket), and the person is told what happens next.
import type { Flow } from '../../conversation/flow';
import { sayOnTicket, submitQuestion } from '../../helpline/questions';

export const LOST_LETTER_FLOW = 'lostLetter';

export const lostLetterFlow: Flow = {
  id: LOST_LETTER_FLOW,
  firstStep: 'details',
  readsAnyText: true,
  steps: {
    details: {
      ask: (turn) => ({ text: turn.t('registration:lostLetter.ask') }),
      answer(turn, answer) {
        const ticket = submitQuestion(turn, turn.address, `Lost or missing letter: please find this person's code and send it in this chat. Details given: ${answer.text}`);
        turn.services.log.info({ person: turn.person.pseudonym, ticket: ticket.id }, 'lost letter reported');
        sayOnTicket(turn, ticket.id, turn.t('registration:lostLetter.done', { ref: `#${ticket.id}`, phone: turn.services.config.helpline.phone }));
        turn.pop();
        // The code question waits for the team's answer: nothing more to ask now.
        turn.quiet();
      },
    },
  },
};
