// The first contact: a greeting in every language the panel offers, and the choice of one.
// A deep link's code (Telegram /start CODE, a wa.me text) is kept and used by the registration.
import type { Flow, Turn } from '../flow';
import { findInvitation } from '../../../db/repos/invitations';
import { letterLanguages, normalizeCode } from '../../registration/invitation-code';
import type { Language } from '../../panel/config';
import { languageChoices, matchLanguage } from './language-choice';
import { easyReadFromLetter } from '../easy-read';

function preferredLanguages(turn: Turn): Language[] {
  const code = turn.frame.data.startCode as string | undefined;
  if (!code) return [];
  const invitation = findInvitation(turn.services.db, code);
  return invitation ? letterLanguages(invitation.languages) : [];
}

function choices(turn: Turn) {
  return languageChoices(turn.services.i18n, turn.services.config.panel.languages, preferredLanguages(turn));
}

function inEveryLanguage(turn: Turn, key: string): string {
  const { i18n, config } = turn.services;
  return choices(turn)
    .map((c) => i18n.t(c.id as Language, key, { panel: config.panel.name[c.id as Language] }, turn.easy))
    .join('\n');
}

export const welcomeFlow: Flow & { onStart(turn: Turn, payload?: string): boolean } = {
  id: 'welcome',
  firstStep: 'choose',
  steps: {
    choose: {
      freeText: true,
      // After an answer that names no language, only the request again: not the whole greeting.
      ask: (turn) => ({
        text: turn.frame.data.retry
          ? inEveryLanguage(turn, 'common:welcomeInvalid')
          : `${inEveryLanguage(turn, 'common:welcome')}\n\n${inEveryLanguage(turn, 'common:welcomeChoose')}`,
        choices: choices(turn),
      }),
      answer(turn, answer) {
        const lng = (answer.choiceId as Language | undefined) ?? matchLanguage(answer.text, choices(turn));
        if (!lng) {
          // A code typed before choosing a language is kept for the registration.
          const code = normalizeCode(answer.text);
          const invitation = code ? findInvitation(turn.services.db, code) : undefined;
          if (code && invitation) {
            turn.frame.data.startCode = code;
            easyReadFromLetter(turn, invitation.easyRead);
            turn.goto('choose');
            return;
          }
          // Once the greeting has been shown, only the request again; a first message gets the greeting.
          if (turn.frame.shown?.key === 'welcome.choose') turn.frame.data.retry = true;
          turn.goto('choose');
          return;
        }
        turn.setLanguage(lng);
        turn.say(turn.t('common:languageChosen'));
        const startCode = turn.frame.data.startCode as string | undefined;
        turn.replace('registration', undefined, startCode ? { startCode } : {});
      },
    },
  },
  onStart(turn, payload) {
    const code = payload ? normalizeCode(payload) : undefined;
    if (code) {
      turn.frame.data.startCode = code;
      easyReadFromLetter(turn, findInvitation(turn.services.db, code)?.easyRead);
    }
    turn.goto('choose');
    return true;
  },
};
