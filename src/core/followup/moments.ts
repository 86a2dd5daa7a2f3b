// The panel's calendar as follow-up sees it: the weekends, their days, when a questionnaire or the
// bank-details question is due, and when the panel ends (for retention).
import type { PanelConfig, PanelEvent } from '../panel/config';
import { localDate, zonedInstant } from '../panel/time';

export function weekends(config: PanelConfig): PanelEvent[] {
  return config.events.filter((e) => e.kind === 'weekend').sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Every local day (YYYY-MM-DD) an event covers, first to last. */
export function eventDays(event: PanelEvent, timeZone: string): string[] {
  const first = localDate(new Date(event.start), timeZone);
  const last = localDate(new Date(event.end), timeZone);
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export interface Moment {
  when: 'before_first_weekend' | 'after_last_weekend';
  days: number;
  hour: number;
  windowDays: number;
}

/** The instant a moment starts, and the instant past which it is no longer acted on. */
export function momentWindow(config: PanelConfig, moment: Moment): { from: Date; until: Date } | undefined {
  const tz = config.panel.timezone;
  const list = weekends(config);
  if (list.length === 0) return undefined;
  const day =
    moment.when === 'before_first_weekend'
      ? addDays(localDate(new Date(list[0]!.start), tz), -moment.days)
      : addDays(localDate(new Date(list[list.length - 1]!.end), tz), moment.days);
  const from = zonedInstant(day, moment.hour, 0, tz);
  return { from, until: new Date(from.getTime() + moment.windowDays * 86_400_000) };
}

/** The end of the panel: the end of its last event. */
export function panelEnd(config: PanelConfig): Date {
  return new Date(Math.max(...config.events.map((e) => Date.parse(e.end))));
}

/** The panel's end plus the retention period, in calendar months (clamped to the month's last day). */
export function retentionDue(config: PanelConfig): Date {
  const end = panelEnd(config);
  const months = config.retention.monthsAfterEnd;
  const target = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + months, 1, end.getUTCHours(), end.getUTCMinutes(), end.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(end.getUTCDate(), lastDay));
  return target;
}
