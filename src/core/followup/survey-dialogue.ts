// A questionnaire, one statement at a time, each answered 1 to 5 or skipped. Progress lives with
// the answers (under the respondent key), so leaving and coming back ("questionnaire") resumes.
import type { Flow, Turn } from '../conversation/flow';
import type { Choice } from '../conversation/messages';
import { progress, questionnaireOf, recordAnswer, recordComment, respondentKey, type Progress } from './survey-store';
import type { Questionnaire } from '../panel/config';

const MAX_COMMENT = 2000;

function current(turn: Turn): { questionnaire: Questionnaire; respondent: string; at: Progress } | undefined {
  const questionnaire = questionnaireOf(turn.services.config, String(turn.frame.data.q ?? ''));
  if (!questionnaire) return undefined;
  const respondent = respondentKey(turn.services.db, turn.person.id);
  return { questionnaire, respondent, at: progress(turn.services.db, turn.services.config, respondent, questionnaire) };
}

/** Leaves the questionnaire; at rest (home) nothing more is asked. */
function leave(turn: Turn): void {
  turn.pop();
  if (turn.frame.flow === 'home') turn.quiet();
}

/** Moves to wherever the respondent now is: the next item, the open question, or the end. */
function advance(turn: Turn, at: Progress | undefined): void {
  if (at?.kind === 'item') return turn.goto('item');
  if (at?.kind === 'comment') return turn.goto('comment');
  turn.say(turn.t('survey:thanks'));
  leave(turn);
}

/** The step a (re)opened questionnaire starts at. */
export function surveyStepFor(at: Progress): 'item' | 'comment' | undefined {
  return at.kind === 'item' ? 'item' : at.kind === 'comment' ? 'comment' : undefined;
}

export const surveyFlow: Flow = {
  id: 'survey',
  firstStep: 'start',
  steps: {
    start: {
      ask: (turn) => ({
        text: turn.t('survey:startAsk', { count: current(turn)?.at.total ?? 0 }),
        choices: [
          { id: 'yes', label: turn.t('survey:startNow') },
          { id: 'later', label: turn.t('survey:later') },
        ],
      }),
      answer(turn, answer) {
        const now = current(turn);
        if (!now) return leave(turn);
        if (answer.choiceId === 'later') {
          turn.say(turn.t('survey:laterOk'));
          return leave(turn);
        }
        if (now.at.kind === 'done') {
          turn.say(turn.t('survey:alreadyDone'));
          return leave(turn);
        }
        advance(turn, now.at);
      },
    },
    item: {
      invalidChoiceKey: 'survey:chooseScale',
      ask(turn) {
        const now = current(turn);
        if (now?.at.kind !== 'item') return { text: turn.t('survey:alreadyDone') };
        const { item, index, total } = now.at;
        const choices: Choice[] = [1, 2, 3, 4, 5].map((v) => ({ id: `${item.id}=${v}`, label: turn.t(`survey:scales.${item.scale}.${v}`) }));
        choices.push({ id: `${item.id}=skip`, label: turn.t('survey:skip') });
        return { text: turn.t('survey:itemAsk', { n: index + 1, total, statement: item.text[turn.lang] }), choices };
      },
      answer(turn, answer) {
        const now = current(turn);
        if (now?.at.kind !== 'item') return advance(turn, now?.at);
        const [itemId, value] = (answer.choiceId ?? '').split('=');
        // A button of an earlier statement: ask the current one again.
        if (itemId !== now.at.item.id) return { error: 'common:errors.staleButton' };
        recordAnswer(turn.services.db, now.respondent, now.questionnaire.id, itemId, value === 'skip' ? null : Number(value));
        advance(turn, progress(turn.services.db, turn.services.config, now.respondent, now.questionnaire));
      },
    },
    comment: {
      freeText: true,
      ask: (turn) => ({ text: turn.t('survey:commentAsk'), choices: [{ id: 'skip', label: turn.t('survey:skip') }] }),
      answer(turn, answer) {
        const now = current(turn);
        if (now?.at.kind !== 'comment') return advance(turn, now?.at);
        recordComment(turn.services.db, now.respondent, now.questionnaire.id, answer.choiceId === 'skip' ? '' : answer.text.slice(0, MAX_COMMENT));
        advance(turn, progress(turn.services.db, turn.services.config, now.respondent, now.questionnaire));
      },
    },
  },
};
