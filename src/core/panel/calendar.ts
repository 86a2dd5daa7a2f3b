// The panel's events as they stand now: the configuration's, with the dates moved by
// `panelbot events move` applied. A reminder's version is its event's start, so a move makes
// every reminder planned for the old date stale.
import type { Db } from '../../db/client';
import { eventOverridesById } from '../../db/repos/events';
import type { PanelConfig, PanelEvent } from './config';
import { addDays } from '../reminders/reminder-times';
import { localDate } from './time';

export interface ScheduledEvent extends PanelEvent {
  startAt: Date;
  endAt: Date;
  /** "v<start in ms>": part of each reminder's idempotency key. */
  version: string;
  moved: boolean;
}

export function effectiveEvents(db: Db, config: PanelConfig): ScheduledEvent[] {
  const overrides = eventOverridesById(db);
  return config.events.map((e) => {
    const o = overrides.get(e.id);
    const startAt = o ? o.start : new Date(e.start);
    const endAt = o ? o.end : new Date(e.end);
    return { ...e, startAt, endAt, version: `v${startAt.getTime()}`, moved: Boolean(o) };
  });
}

export function findEvent(db: Db, config: PanelConfig, eventId: string): ScheduledEvent | undefined {
  return effectiveEvents(db, config).find((e) => e.id === eventId);
}

/** The local days an event spans (a weekend: Saturday and Sunday). */
export function eventDays(event: Pick<ScheduledEvent, 'startAt' | 'endAt'>, timeZone: string): string[] {
  const last = localDate(event.endAt, timeZone);
  const days: string[] = [];
  for (let day = localDate(event.startAt, timeZone); day <= last && days.length < 31; day = addDays(day, 1)) days.push(day);
  return days;
}

export { clearEventOverride, saveEventOverride } from '../../db/repos/events';
