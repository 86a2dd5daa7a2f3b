// Moving an event (`panelbot events move`) and clearing moves (`events reset`): the new dates, the
// re-planned reminders and a message to everyone expected at the event are written in one
// transaction, so no reminder for the old date can be claimed in between. Moving an event to the
// dates it already has changes nothing.
import { inTransaction, type Db } from '../../db/client';
import type { Services } from '../conversation/flow';
import type { PanelConfig } from './config';
import { findEvent, type ScheduledEvent } from './calendar';
import { clearEventOverride, eventOverridesById, saveEventOverride } from '../../db/repos/events';
import { cancelPendingByKeyPrefix, enqueue } from '../../db/repos/outbox';
import { localDate } from './time';
import { planInTransaction, type PlanResult } from '../reminders/plan-reminders';
import { audienceOf } from '../reminders/audience';

export class MoveError extends Error {}

export interface MoveResult extends PlanResult {
  /** False when the event already had these dates (nothing was changed). */
  changed: boolean;
  /** People told of the new dates. */
  told: number;
}

/**
 * One notice per person and move: the key holds the new dates and the moment of the move, so a
 * change of the end alone is told, and so is a move back to dates told before.
 */
export const moveNoticeKey = (personId: number, event: ScheduledEvent, now: Date) =>
  `${movedPrefix(event.id)}${personId}:${event.startAt.getTime()}-${event.endAt.getTime()}:${now.getTime()}`;
const movedPrefix = (eventId: string) => `moved:${eventId}:`;

/**
 * Tells everyone expected at the event its new dates, start and end, in their language at send
 * time (outbox). A notice of an earlier move not sent yet is cancelled: only the latest dates go out.
 */
function tellMoved(db: Db, config: PanelConfig, event: ScheduledEvent, now: Date): number {
  cancelPendingByKeyPrefix(db, movedPrefix(event.id), 'event_moved');
  const start = event.startAt.toISOString();
  const end = event.endAt.toISOString();
  const tz = config.panel.timezone;
  const sameDay = localDate(event.startAt, tz) === localDate(event.endAt, tz);
  const params = { title: { $lang: event.title }, date: { $date: start }, time: { $time: start }, endDate: { $date: end }, endTime: { $time: end }, where: event.place ? { $lang: event.place } : (event.online ?? '') };
  let told = 0;
  for (const personId of audienceOf(db, event)) {
    const fresh = enqueue(
      db,
      {
        personId,
        kind: 'system',
        payload: { template: { key: sameDay ? 'reminders:eventMovedSameDay' : 'reminders:eventMoved', params } },
        dueAt: now,
        expiresAt: event.startAt,
        idempotencyKey: moveNoticeKey(personId, event, now),
        essential: true,
        priority: 3,
      },
      now,
    );
    if (fresh) told++;
  }
  return told;
}

function applyDates(db: Db, config: PanelConfig, eventId: string, save: () => void, now: Date): MoveResult {
  const before = findEvent(db, config, eventId)!;
  return inTransaction(db, () => {
    save();
    const after = findEvent(db, config, eventId)!;
    if (after.startAt.getTime() === before.startAt.getTime() && after.endAt.getTime() === before.endAt.getTime()) {
      return { queued: 0, cancelled: 0, rescheduled: 0, changed: false, told: 0 };
    }
    const planned = planInTransaction(db, config, now, eventId);
    // Told only while the event is still to come.
    const told = after.endAt > now ? tellMoved(db, config, after, now) : 0;
    return { ...planned, changed: true, told };
  });
}

export function moveEvent(services: Pick<Services, 'db' | 'config'>, eventId: string, start: Date, end: Date, now: Date): MoveResult {
  const { db, config } = services;
  const current = findEvent(db, config, eventId);
  if (!current) throw new MoveError(`no event "${eventId}" in the panel configuration`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new MoveError('start and end must be dates and times like 2027-02-27T09:30 (panel time)');
  if (end <= start) throw new MoveError('the end must come after the start');
  if (current.startAt.getTime() === start.getTime() && current.endAt.getTime() === end.getTime()) {
    return { queued: 0, cancelled: 0, rescheduled: 0, changed: false, told: 0 };
  }
  return applyDates(db, config, eventId, () => saveEventOverride(db, eventId, start, end, now), now);
}

/** Back to the configured dates (`events reset EVENT|--all`); returns the events that had been moved. */
export function resetEvents(services: Pick<Services, 'db' | 'config'>, eventIds: string[] | 'all', now: Date): Array<{ eventId: string } & MoveResult> {
  const { db, config } = services;
  const moved = [...eventOverridesById(db).keys()];
  const ids = eventIds === 'all' ? moved : eventIds;
  for (const id of ids) if (!findEvent(db, config, id)) throw new MoveError(`no event "${id}" in the panel configuration`);
  return ids.filter((id) => moved.includes(id)).map((eventId) => ({ eventId, ...applyDates(db, config, eventId, () => clearEventOverride(db, eventId), now) }));
}
