// Moving an event (`panelbot events move`): the new dates and the re-planned reminders are written
// in one transaction, so no reminder for the old date can be claimed in between.
import { inTransaction } from '../../db/client';
import type { Services } from '../conversation/flow';
import { findEvent } from './calendar';
import { saveEventOverride } from '../../db/repos/events';
import { planInTransaction, type PlanResult } from '../reminders/plan-reminders';

export class MoveError extends Error {}

export function moveEvent(services: Pick<Services, 'db' | 'config'>, eventId: string, start: Date, end: Date, now: Date): PlanResult {
  const { db, config } = services;
  if (!findEvent(db, config, eventId)) throw new MoveError(`no event "${eventId}" in the panel configuration`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new MoveError('start and end must be dates and times like 2027-02-27T09:30:00+01:00');
  if (end <= start) throw new MoveError('the end must come after the start');
  return inTransaction(db, () => {
    saveEventOverride(db, eventId, start, end, now);
    return planInTransaction(db, config, now, eventId);
  });
}
