// When a reminder is due and until when it may still go out: pure calendar arithmetic in the
// panel's time zone, correct across daylight-saving changes.
//
// - hoursBefore counts whole days on the calendar (same wall-clock time) and the rest in real
//   hours: "168" is "a week before, at the same local time" even when the clocks changed between.
// - deliveryHour, when given, replaces the time of day on the day that hoursBefore lands on.
// - Quiet hours (e.g. 21:00-08:00): a reminder never falls inside them. It moves LATER, to the
//   end of quiet hours, when that is still at least LATE_MOVE_MARGIN before the event starts (a
//   "2 hours before" reminder of a 9:30 event goes at 8:00, not the evening before); otherwise
//   it moves EARLIER, to EARLY_MOVE_MARGIN before quiet hours begin (an 8:00 event's reminder
//   goes the evening before at 20:30, instead of at 8:00 when it would be useless).
// - expiresAt = due + tolerance, but never past the event's start nor into the next quiet
//   hours: a late dispatcher skips the reminder rather than sending it at night or too late.
import { localDate, localTime, zonedInstant } from '../panel/time';

const HOUR = 3_600_000;
const MINUTE = 60_000;
export const LATE_MOVE_MARGIN_MS = 30 * MINUTE;
export const EARLY_MOVE_MARGIN_MS = 30 * MINUTE;

export interface QuietHours {
  /** "21:00" */
  start: string;
  /** "08:00" */
  end: string;
}

export interface ReminderTiming {
  hoursBefore: number;
  deliveryHour?: number;
  toleranceHours: number;
}

export interface ReminderTimes {
  dueAt: Date;
  expiresAt: Date;
  /** Why dueAt differs from the plain computation, for `outbox preview` and tests. */
  moved?: 'quiet_later' | 'quiet_earlier';
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** "2027-03-28" plus n days (calendar days, no time zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function isQuiet(instant: Date, quiet: QuietHours, timeZone: string): boolean {
  const { hour, minute } = localTime(instant, timeZone);
  const m = hour * 60 + minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The end of the quiet period the instant is in (call only when isQuiet). */
export function quietEnd(instant: Date, quiet: QuietHours, timeZone: string): Date {
  const { hour, minute } = localTime(instant, timeZone);
  const m = hour * 60 + minute;
  const end = minutesOf(quiet.end);
  const day = localDate(instant, timeZone);
  const endDay = m < end ? day : addDays(day, 1);
  return zonedInstant(endDay, Math.floor(end / 60), end % 60, timeZone);
}

/** The start of the quiet period the instant is in (call only when isQuiet). */
export function quietStartOf(instant: Date, quiet: QuietHours, timeZone: string): Date {
  const { hour, minute } = localTime(instant, timeZone);
  const m = hour * 60 + minute;
  const start = minutesOf(quiet.start);
  const day = localDate(instant, timeZone);
  const startDay = m >= start ? day : addDays(day, -1);
  return zonedInstant(startDay, Math.floor(start / 60), start % 60, timeZone);
}

/** The next moment quiet hours begin, at or after the instant. */
export function nextQuietStart(instant: Date, quiet: QuietHours, timeZone: string): Date {
  const start = minutesOf(quiet.start);
  const day = localDate(instant, timeZone);
  for (let i = 0; i < 3; i++) {
    const candidate = zonedInstant(addDays(day, i), Math.floor(start / 60), start % 60, timeZone);
    if (candidate.getTime() >= instant.getTime()) return candidate;
  }
  throw new Error('no quiet start within three days');
}

/** The plain due time: hoursBefore the start (calendar days + real hours), at deliveryHour if given. */
export function plainDueAt(eventStart: Date, timing: Pick<ReminderTiming, 'hoursBefore' | 'deliveryHour'>, timeZone: string): Date {
  const days = Math.floor(timing.hoursBefore / 24);
  const restMs = (timing.hoursBefore - days * 24) * HOUR;
  const { hour, minute } = localTime(eventStart, timeZone);
  const sameTimeDaysBefore = zonedInstant(addDays(localDate(eventStart, timeZone), -days), hour, minute, timeZone);
  const plain = new Date(sameTimeDaysBefore.getTime() - restMs);
  if (timing.deliveryHour === undefined) return plain;
  return zonedInstant(localDate(plain, timeZone), timing.deliveryHour, 0, timeZone);
}

export function reminderTimes(eventStart: Date, timing: ReminderTiming, quiet: QuietHours, timeZone: string): ReminderTimes {
  let dueAt = plainDueAt(eventStart, timing, timeZone);
  let moved: ReminderTimes['moved'];
  if (isQuiet(dueAt, quiet, timeZone)) {
    const later = quietEnd(dueAt, quiet, timeZone);
    if (later.getTime() <= eventStart.getTime() - LATE_MOVE_MARGIN_MS) {
      dueAt = later;
      moved = 'quiet_later';
    } else {
      dueAt = new Date(quietStartOf(dueAt, quiet, timeZone).getTime() - EARLY_MOVE_MARGIN_MS);
      moved = 'quiet_earlier';
    }
  }
  const limits = [dueAt.getTime() + timing.toleranceHours * HOUR, eventStart.getTime()];
  if (quiet.start !== quiet.end) limits.push(nextQuietStart(dueAt, quiet, timeZone).getTime());
  const expiresAt = new Date(Math.max(dueAt.getTime() + MINUTE, Math.min(...limits)));
  return { dueAt, expiresAt, ...(moved ? { moved } : {}) };
}
