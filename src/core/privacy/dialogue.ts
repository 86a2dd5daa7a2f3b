// The person's rights, in the chat: see my data, correct it, withdraw, delete me, stop messages.
import type { Flow, Turn } from '../conversation/flow';
import type { Command } from '../conversation/commands';
import { erasePerson, personalData, withdraw, cancelPending } from '../../db/repos/privacy';
import { registrationOf as storedRegistration } from '../../db/repos/registrations';
import { setEssentialOnly } from '../../db/repos/people';
import { raiseAlert } from '../../db/repos/alerts';
import { summaryLines, type RegistrationAnswers } from '../registration/dialogue/index';

const registrationOf = (turn: Turn) => storedRegistration(turn.services.db, turn.person.id);

const hasLanguage = (turn: Turn) => turn.person.language !== null && turn.frame.flow !== 'welcome';

function confirmFlow(id: string, onYes: (turn: Turn) => void): Flow {
  return {
    id,
    firstStep: 'confirm',
    steps: {
      confirm: {
        ask: (turn) => ({
          text: turn.t(`rights:${id}.ask`),
          choices: [
            { id: 'yes', label: turn.t(`rights:${id}.yes`) },
            { id: 'no', label: turn.t('common:no') },
          ],
        }),
        answer(turn, answer) {
          if (answer.choiceId !== 'yes') {
            turn.say(turn.t('rights:keptAsIs'));
            turn.pop();
            return;
          }
          onYes(turn);
        },
      },
    },
  };
}

export const withdrawFlow = confirmFlow('withdraw', (turn) => {
  withdraw(turn.services.db, turn.person.id, turn.now);
  raiseAlert(turn.services.db, 'withdrawal', { person: turn.person.pseudonym }, turn.now);
  turn.services.log.info({ person: turn.person.pseudonym }, 'withdrew from the panel');
  turn.say(turn.t('rights:withdraw.done'));
  turn.replace('home');
  turn.quiet();
});

export const eraseFlow = confirmFlow('erase', (turn) => {
  const { db, log } = turn.services;
  const lang = turn.lang;
  erasePerson(db, turn.person.id);
  log.info({ person: turn.person.pseudonym }, 'personal data erased on request');
  turn.say(turn.services.i18n.t(lang, 'rights:erase.done'));
  turn.forget();
});

function dataSummary(turn: Turn): string {
  const reg = registrationOf(turn);
  if (!reg || reg.status !== 'registered') return turn.t('rights:mydata.none');
  const answers: RegistrationAnswers = {
    firstName: reg.firstName ?? undefined,
    lastName: reg.lastName ?? undefined,
    birthDate: reg.birthDate ?? undefined,
    gender: (reg.gender ?? undefined) as RegistrationAnswers['gender'],
    genderText: reg.genderText ?? undefined,
    postcode: reg.postcode ?? undefined,
    education: (reg.education ?? undefined) as RegistrationAnswers['education'],
    nationality: (reg.nationality ?? undefined) as RegistrationAnswers['nationality'],
    euVote: (reg.euVote ?? undefined) as RegistrationAnswers['euVote'],
    phone: reg.phone ?? undefined,
    email: reg.email ?? undefined,
  };
  return summaryLines(turn, answers);
}

export const rightsCommands: Command[] = [
  {
    id: 'mydata',
    appliesTo: hasLanguage,
    run(turn) {
      turn.services.log.info({ person: turn.person.pseudonym }, 'personal data viewed by the person');
      const registeredNow = registrationOf(turn)?.status === 'registered';
      turn.say({
        text: registeredNow ? `${turn.t('rights:mydata.title')}\n${dataSummary(turn)}\n\n${turn.t('rights:mydata.more')}` : turn.t('rights:mydata.none'),
        attachment: {
          filename: 'panelbot-my-data.json',
          mimeType: 'application/json',
          content: JSON.stringify(personalData(turn.services.db, turn.person.id), null, 2),
        },
      });
      turn.goto(turn.frame.step);
    },
  },
  {
    id: 'correct',
    appliesTo: hasLanguage,
    run(turn) {
      const reg = registrationOf(turn);
      if (!reg || reg.status !== 'registered') {
        turn.say(turn.t('rights:mydata.none'));
        return turn.goto(turn.frame.step);
      }
      const answers: RegistrationAnswers = {};
      for (const key of ['firstName', 'lastName', 'birthDate', 'gender', 'genderText', 'postcode', 'education', 'nationality', 'euVote', 'phone', 'email'] as const) {
        const value = reg[key];
        if (value !== null && value !== undefined) (answers as Record<string, unknown>)[key] = value;
      }
      turn.push('registration', 'pickCorrection', { editing: true, code: reg.invitationCode, answers, consentAt: reg.consentAt?.getTime() });
    },
  },
  {
    id: 'withdraw',
    appliesTo: (turn) => hasLanguage(turn) && registrationOf(turn)?.status === 'registered',
    run: (turn) => turn.push('withdraw'),
  },
  {
    id: 'erase',
    appliesTo: hasLanguage,
    run: (turn) => turn.push('erase'),
  },
  {
    id: 'stop',
    appliesTo: hasLanguage,
    run(turn) {
      setEssentialOnly(turn.services.db, turn.person.id, true);
      cancelPending(turn.services.db, turn.person.id, 'essential_only', true);
      turn.say(turn.t('rights:stop.done'));
      turn.goto(turn.frame.step);
    },
  },
  {
    id: 'allmessages',
    appliesTo: hasLanguage,
    run(turn) {
      setEssentialOnly(turn.services.db, turn.person.id, false);
      turn.say(turn.t('rights:stop.undone'));
      turn.goto(turn.frame.step);
    },
  },
];
