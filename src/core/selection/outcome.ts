// The draw's outcome: each registrant marked selected, reserve or not selected, and told once,
// in their language, through the outbox. Importing the same result twice changes nothing.
import type { Db } from '../../db/client';
import { selectionOf, setSelection } from '../../db/repos/selection';
import { enqueue } from '../../db/repos/outbox';
import type { Frame } from '../conversation/flow';
import { choiceId } from '../conversation/choice-id';

export type Outcome = 'selected' | 'reserve' | 'not_selected';

const QUESTION: Record<Outcome, Frame | undefined> = {
  selected: { flow: 'participation', step: 'confirm', data: {} },
  reserve: undefined,
  not_selected: { flow: 'participation', step: 'futurePanels', data: {} },
};

const CHOICES: Record<Outcome, Array<{ id: string; key: string }> | undefined> = {
  selected: [
    { id: choiceId('participation', 'confirm', 'yes'), key: 'selection:confirmYes' },
    { id: choiceId('participation', 'confirm', 'no'), key: 'selection:confirmNo' },
  ],
  reserve: undefined,
  not_selected: [
    { id: choiceId('participation', 'futurePanels', 'yes'), key: 'common:yes' },
    { id: choiceId('participation', 'futurePanels', 'no'), key: 'common:no' },
  ],
};

/** Records one person's outcome and queues their message; false when it was already recorded. */
export function recordOutcome(db: Db, personId: number, outcome: Outcome, now: Date): boolean {
  const current = selectionOf(db, personId);
  if (current === undefined || current === outcome) return false;
  setSelection(db, personId, outcome, now);
  const queued = enqueue(
    db,
    {
      personId,
      kind: 'selection',
      // The question the message asks becomes the one the person's next answer goes to, when it is sent.
      payload: {
        template: { key: `selection:${outcome}`, ...(CHOICES[outcome] ? { choices: CHOICES[outcome] } : {}) },
        ...(QUESTION[outcome] ? { push: QUESTION[outcome] } : {}),
      },
      dueAt: now,
      idempotencyKey: `selection:${personId}:${outcome}`,
      essential: true,
      priority: 3,
    },
    now,
  );
  void queued;
  return true;
}
