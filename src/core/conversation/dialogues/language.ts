// Changing language at any moment ("language", "taal", "langue", "sprache").
import type { Flow, Turn } from '../flow';
import type { Language } from '../../panel/config';
import { languageChoices, matchLanguage } from './language-choice';

const choices = (turn: Turn) => languageChoices(turn.services.i18n, turn.services.config.panel.languages, turn.person.language ? [turn.person.language] : []);

export const languageFlow: Flow = {
  id: 'language',
  firstStep: 'choose',
  steps: {
    choose: {
      freeText: true,
      ask: (turn) => ({ text: turn.t('common:languageAsk'), choices: choices(turn) }),
      answer(turn, answer) {
        const lng = (answer.choiceId as Language | undefined) ?? matchLanguage(answer.text, choices(turn));
        if (!lng) return { error: 'common:errors.chooseOne', params: { count: choices(turn).length } };
        turn.setLanguage(lng);
        turn.say(turn.t('common:languageChosen'));
        turn.pop();
      },
    },
  },
};
