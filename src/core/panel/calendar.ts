// The panel's calendar: the only reader of the configured events and of the moves stored by
// `panelbot events move`. Everything that depends on a date (reminders, check-ins, logistics,
// questionnaires, compensation, helpline urgency, the FAQ and registration texts, the draw's age
// reference, the final report, retention) asks it, so a moved event moves all of them.
// A reminder's version is its event's start, so a move makes every reminder planned for the old
// date stale.
import type { Db } from '../../db/client';
import { eventOverridesById } from '../../db/repos/events';
import type { PanelConfig, PanelEvent } from './config';
import { localDate, localTime, zonedInstant } from './time';

export interface ScheduledEvent extends PanelEvent {
  startAt: Date;
  endAt: Date;
  /** "v<start in ms>": part of each reminder's idempotency key. */
  version: string;
  moved: boolean;
}

/** When something is sent relative to the weekends (questionnaires, the bank-details question). */
export interface Moment {
  when: 'before_first_weekend' | 'after_last_weekend';
  /** Days before the first weekend's first day, or after the last weekend's last day. */
  days: number;
  /** Local hour. */
  hour: number;
  /** How long it stays open. */
  windowDays: number;
}

export class PanelCalendar {
  readonly timeZone: string;
  /** Every event with its effective dates, in the configuration's order. */
  readonly events: readonly ScheduledEvent[];

  constructor(config: PanelConfig, moves: ReadonlyMap<string, { start: Date; end: Date }> = new Map()) {
    this.timeZone = config.panel.timezone;
    this.events = config.events.map((e) => {
      const o = moves.get(e.id);
      const startAt = o ? o.start : new Date(e.start);
      const endAt = o ? o.end : new Date(e.end);
      return { ...e, startAt, endAt, version: `v${startAt.getTime()}`, moved: Boolean(o) };
    });
  }

  find(eventId: string): ScheduledEvent | undefined {
    return this.events.find((e) => e.id === eventId);
  }

  ids(): string[] {
    return this.events.map((e) => e.id);
  }

  /** The events in the order they happen. */
  chronological(): ScheduledEvent[] {
    return [...this.events].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  }

  /** The weekends, first to last (compensation days and follow-up moments are counted from them). */
  weekends(): ScheduledEvent[] {
    return this.chronological().filter((e) => e.kind === 'weekend');
  }

  /** The local days (YYYY-MM-DD) an event spans, first to last. */
  days(event: Pick<ScheduledEvent, 'startAt' | 'endAt'>): string[] {
    return eventDays(event, this.timeZone);
  }

  /** The events that take place (in part) on a local day. */
  eventsOn(day: string): ScheduledEvent[] {
    return this.events.filter((e) => localDate(e.startAt, this.timeZone) <= day && day <= localDate(e.endAt, this.timeZone));
  }

  /** Whether the instant falls on a local day of any event (the helpline treats such days as urgent). */
  isEventDay(instant: Date): boolean {
    return this.eventsOn(localDate(instant, this.timeZone)).length > 0;
  }

  /** The start of the panel's first event. */
  start(): Date {
    return new Date(Math.min(...this.events.map((e) => e.startAt.getTime())));
  }

  /** The local day of the first event: the reference day for ages (eligibility, the draw's age bands, guardians). */
  firstDay(): string {
    return localDate(this.start(), this.timeZone);
  }

  /** The end of the panel: the end of its last event. */
  end(): Date {
    return new Date(Math.max(...this.events.map((e) => e.endAt.getTime())));
  }

  /** The local day the panel ends. */
  lastDay(): string {
    return localDate(this.end(), this.timeZone);
  }

  /** Whether the panel's last event is over. */
  isOver(now: Date): boolean {
    return now >= this.end();
  }

  /** The instant a moment starts, and the instant past which it is no longer acted on. */
  momentWindow(moment: Moment): { from: Date; until: Date } | undefined {
    const list = this.weekends();
    if (list.length === 0) return undefined;
    const day =
      moment.when === 'before_first_weekend'
        ? addDays(localDate(list[0]!.startAt, this.timeZone), -moment.days)
        : addDays(localDate(list.reduce((a, b) => (b.endAt > a.endAt ? b : a)).endAt, this.timeZone), moment.days);
    const from = zonedInstant(day, moment.hour, 0, this.timeZone);
    return { from, until: new Date(from.getTime() + moment.windowDays * 86_400_000) };
  }

  /**
   * The panel's end plus the retention period, in calendar months on the panel's wall clock (the
   * same local time, the day clamped to the month's last day): 22 May 17:00 + 6 months is 22
   * November 17:00 in Brussels, whatever daylight saving did in between.
   */
  retentionDue(monthsAfterEnd: number): Date {
    const end = this.end();
    const [y, m, d] = localDate(end, this.timeZone).split('-').map(Number) as [number, number, number];
    const monthIndex = m - 1 + monthsAfterEnd;
    const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
    const day = new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))).toISOString().slice(0, 10);
    const { hour, minute } = localTime(end, this.timeZone);
    return zonedInstant(day, hour, minute, this.timeZone);
  }
}

/** The calendar as it stands now: the configuration's events with their moves applied. */
export function panelCalendar(db: Db, config: PanelConfig): PanelCalendar {
  return new PanelCalendar(config, eventOverridesById(db));
}

/** The events' ids, kinds and titles, for pickers and usage lines: no dates (for dates, use panelCalendar). */
export function eventNames(config: PanelConfig): Array<Pick<PanelEvent, 'id' | 'kind' | 'title'>> {
  return config.events.map(({ id, kind, title }) => ({ id, kind, title }));
}

/** The effective events (a shorthand for panelCalendar(db, config).events). */
export function effectiveEvents(db: Db, config: PanelConfig): ScheduledEvent[] {
  return [...panelCalendar(db, config).events];
}

export function findEvent(db: Db, config: PanelConfig, eventId: string): ScheduledEvent | undefined {
  return panelCalendar(db, config).find(eventId);
}

/** The local days an event spans (a weekend: Saturday and Sunday). */
export function eventDays(event: Pick<ScheduledEvent, 'startAt' | 'endAt'>, timeZone: string): string[] {
  const last = localDate(event.endAt, timeZone);
  const days: string[] = [];
  for (let day = localDate(event.startAt, timeZone); day <= last && days.length < 31; day = addDays(day, 1)) days.push(day);
  return days;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
