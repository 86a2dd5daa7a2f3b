// After an FAQ answer: "did this help?" Yes ends it; no hands the question to a person; another
// question is a new question. Over a pending question, anything else is that question's answer:
// someone who asked about childcare while giving their last name just types "Janssens" next.
import type { Flow, Turn } from '../conversation/flow';
import { looksLikeQuestion } from './hearing';
import { answerQuestion, passToTeam, type FaqFollowUp } from './questions';

/** Asks "did this help?" on top of the current frame. `home`: nothing to ask again afterwards. */
export function askIfHelped(turn: Turn, followUp: FaqFollowUp, home: boolean): void {
  turn.push('faq', 'helped', { ...followUp, home });
}

function leave(turn: Turn, home: boolean): void {
  turn.pop();
  // Back home there is nothing to ask again: the person writes when they want.
  if (home) turn.quiet();
}

export const faqFlow: Flow = {
  id: 'faq',
  firstStep: 'helped',
  readsAnyText: true,
  // "Did this help?" is a question for the next few minutes, not for the rest of the panel.
  expiresAfterMs: 30 * 60_000,
  steps: {
    helped: {
      ask: (turn) => ({
        text: turn.t('helpline:faq.helped'),
        choices: [
          { id: 'yes', label: turn.t('helpline:faq.yes') },
          { id: 'no', label: turn.t('helpline:faq.no') },
        ],
      }),
      freeText: true,
      answer(turn, answer) {
        const { question, entry, home, askedAt, answer: given } = turn.frame.data as Partial<FaqFollowUp> & { home?: boolean };
        const atHome = home === true;
        if (answer.choiceId === 'yes' || answer.choiceId === 'no') {
          turn.services.log.info({ person: turn.person.pseudonym, faq: entry, helped: answer.choiceId === 'yes' }, 'faq feedback');
          if (answer.choiceId === 'yes') turn.say(turn.t('helpline:faq.glad'));
          // The team sees the question, the FAQ answer that did not help, then what was said.
          else passToTeam(turn, question ?? answer.text, question && given && entry !== undefined && askedAt !== undefined ? { askedAt: new Date(askedAt), answer: given, entry } : undefined);
          return leave(turn, atHome);
        }
        turn.pop();
        if (!atHome && !looksLikeQuestion(answer.text)) return turn.retell(answer.text);
        // Not an answer to "did this help?": a new question.
        const followUp = answerQuestion(turn, answer.text);
        if (followUp) askIfHelped(turn, followUp, atHome);
        else if (atHome) turn.quiet();
      },
    },
  },
};
