// Sends each configured questionnaire when its moment comes: called by the scheduler at every tick,
// it queues the invitation (outbox, in the person's language at send time) once per person and
// questionnaire, and opens the questionnaire in their conversation. Nothing is queued ahead of time,
// so an answer typed before the invitation arrives never lands in a questionnaire.
import { inTransaction } from '../../db/client';
import { enqueue } from '../../db/repos/outbox';
import type { Services } from '../conversation/flow';
import type { Questionnaire } from '../panel/config';
import { panelCalendar } from '../panel/calendar';
import { participants } from './audience';
import { choiceId } from '../conversation/choice-id';

export function inviteKey(questionnaire: Questionnaire): string {
  if (questionnaire.wave) return `survey:invite.${questionnaire.wave}`;
  return questionnaire.comment ? 'survey:invite.evaluation' : 'survey:invite.other';
}

export function surveyIdempotencyKey(questionnaireId: string, personId: number): string {
  return `survey:${questionnaireId}:${personId}`;
}

/** Queues every questionnaire that is due now; returns how many invitations were queued. */
export function planSurveys(services: Pick<Services, 'db' | 'config' | 'log'>, now: Date): number {
  const { db, config, log } = services;
  let queued = 0;
  const calendar = panelCalendar(db, config);
  for (const questionnaire of config.surveys?.questionnaires ?? []) {
    const window = calendar.momentWindow(questionnaire);
    if (!window || now < window.from || now > window.until) continue;
    const count = inTransaction(db, () => {
      let n = 0;
      // Surveys are not essential: people who asked for essential messages only are not asked.
      for (const personId of participants(db, { includeEssentialOnly: false })) {
        const fresh = enqueue(
          db,
          {
            personId,
            kind: 'survey',
            payload: {
              template: {
                key: inviteKey(questionnaire),
                choices: [
                  { id: choiceId('survey', 'start', 'yes'), key: 'survey:startNow' },
                  { id: choiceId('survey', 'start', 'later'), key: 'survey:later' },
                ],
              },
              // The question goes on the conversation when the message is sent, not before it arrives.
              push: { flow: 'survey', step: 'start', data: { q: questionnaire.id } },
            },
            dueAt: now,
            expiresAt: window.until,
            idempotencyKey: surveyIdempotencyKey(questionnaire.id, personId),
            essential: false,
            priority: 8,
          },
          now,
        );
        if (!fresh) continue;
        n++;
      }
      return n;
    });
    if (count > 0) log.info({ questionnaire: questionnaire.id, count }, 'questionnaire invitations queued');
    queued += count;
  }
  return queued;
}
