// Follow-up words that work at any step: "questionnaire" resumes an open questionnaire, "report"
// gives the final report's link, "future panels" asks whether to hear about future panels.
import { requestReport } from './report-notices';
import { publishedReport } from './report-published';
import type { Command } from '../conversation/commands';
import type { Turn } from '../conversation/flow';
import { messageKeysOf } from '../../db/repos/outbox';
import { progress, questionnaireOf, respondentKey } from './survey-store';
import { surveyStepFor } from './survey-dialogue';

const whenLanguageChosen = (turn: Turn) => turn.person.language !== null && turn.frame.flow !== 'welcome';

/** The first questionnaire this person was invited to and has not finished. */
function openQuestionnaire(turn: Turn): { id: string; step: 'item' | 'comment' } | undefined {
  const { db, config } = turn.services;
  const invited = new Set(messageKeysOf(db, turn.person.id).filter((k) => k.startsWith('survey:')));
  for (const q of config.surveys?.questionnaires ?? []) {
    if (!invited.has(`survey:${q.id}:${turn.person.id}`)) continue;
    const questionnaire = questionnaireOf(config, q.id)!;
    const step = surveyStepFor(progress(db, config, respondentKey(db, turn.person.id), questionnaire));
    if (step) return { id: q.id, step };
  }
  return undefined;
}

export const surveyCommand: Command = {
  id: 'survey',
  appliesTo: whenLanguageChosen,
  run(turn) {
    if (turn.frame.flow === 'survey') return turn.goto(turn.frame.step);
    const open = openQuestionnaire(turn);
    if (!open) {
      turn.say(turn.t('survey:nothingOpen'));
      return turn.goto(turn.frame.step);
    }
    turn.say(turn.t('survey:resumed'));
    turn.push('survey', open.step, { q: open.id });
  },
};

export const reportCommand: Command = {
  id: 'report',
  appliesTo: whenLanguageChosen,
  run(turn) {
    const link = publishedReport(turn.services.db, turn.services.config, turn.now)?.[turn.lang];
    if (link) turn.say(turn.t('followup:report', { link }));
    else {
      requestReport(turn.services.db, turn.person.id, turn.now);
      turn.say(turn.t('followup:reportNotYet'));
    }
    if (turn.frame.flow === 'home') turn.quiet();
    else turn.goto(turn.frame.step);
  },
};

export const futurePanelsCommand: Command = {
  id: 'futurePanels',
  appliesTo: whenLanguageChosen,
  run(turn) {
    if (turn.frame.flow === 'participation' && turn.frame.step === 'futurePanels') return turn.goto(turn.frame.step);
    turn.push('participation', 'futurePanels');
  },
};

export const followUpCommands: Command[] = [surveyCommand, reportCommand, futurePanelsCommand];
