// "Cancel" during the registration: asks whether to stop registering. Yes erases the answers
// given so far and frees the code; no goes back to the same question.
import type { Flow } from '../../conversation/flow';
import { releaseInvitation } from '../../../db/repos/invitations';

export const STOP_REGISTRATION_FLOW = 'stopRegistration';

export const stopRegistrationFlow: Flow = {
  id: STOP_REGISTRATION_FLOW,
  firstStep: 'confirm',
  steps: {
    confirm: {
      ask: (turn) => ({
        text: turn.t('registration:stop.ask'),
        choices: [
          { id: 'yes', label: turn.t('registration:stop.yes') },
          { id: 'no', label: turn.t('registration:stop.no') },
        ],
      }),
      answer(turn, answer) {
        turn.pop();
        if (answer.choiceId === 'no') {
          turn.say(turn.t('common:restartKept'));
          return;
        }
        const code = turn.frame.data.code;
        if (typeof code === 'string') releaseInvitation(turn.services.db, code, turn.person.id);
        turn.say(turn.t('registration:stop.done', { phone: turn.services.config.helpline.phone }));
        turn.replace('registration', 'code', {});
        turn.quiet();
      },
    },
  },
};
