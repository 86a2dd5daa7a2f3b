// Dates and times as organisers type and read them: in the panel's time zone. A date or time
// typed without an offset ("2026-12-08T09:30", "5/12/2026", "05.12.2026 14:00") means panel time;
// one with an offset ("…+01:00", "…Z") is taken as written. Printed times are panel time with the
// zone named, never UTC.
import { localDate, localTime, offsetMinutes, zonedInstant } from './time';

export interface PanelTimeOptions {
  /** A date without a time: its first minute (default) or the first minute of the next day (an exclusive end). */
  dateOnly?: 'start' | 'next_day';
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)? ?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// Day first, as written in Belgium: 5/12/2026, 05.12.2026, 5-12-2026, optionally with a time.
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T](\d{1,2})[:h.](\d{2}))?$/i;

/** The wall-clock parts of a typed date, or undefined when it is not a real date and time. */
function wallClock(text: string): { date: string; hour: number; minute: number; hasTime: boolean } | undefined {
  let y: number, mo: number, d: number, h: number | undefined, mi: number | undefined;
  const iso = ISO_LOCAL.exec(text);
  const dayFirst = iso ? undefined : DAY_FIRST.exec(text);
  if (iso) [y, mo, d, h, mi] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] === undefined ? undefined : Number(iso[4]), iso[5] === undefined ? undefined : Number(iso[5])];
  else if (dayFirst) [d, mo, y, h, mi] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3]), dayFirst[4] === undefined ? undefined : Number(dayFirst[4]), dayFirst[5] === undefined ? undefined : Number(dayFirst[5])];
  else return undefined;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  if (h !== undefined && (h > 23 || mi! > 59)) return undefined;
  const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { date, hour: h ?? 0, minute: mi ?? 0, hasTime: h !== undefined };
}

/**
 * The instant a typed date or date-time means, in the panel's time zone unless it carries an offset;
 * undefined when it cannot be read (the caller says what is expected: see PANEL_TIME_EXAMPLES).
 */
export function parsePanelTime(input: string, timeZone: string, options: PanelTimeOptions = {}): Date | undefined {
  const text = input.trim();
  if (WITH_OFFSET.test(text)) {
    const instant = new Date(text.replace(' ', 'T').replace(/ (?=[Z+-])/i, '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  const wall = wallClock(text);
  if (!wall) return undefined;
  if (!wall.hasTime && options.dateOnly === 'next_day') return zonedInstant(addOneDay(wall.date), 0, 0, timeZone);
  return zonedInstant(wall.date, wall.hour, wall.minute, timeZone);
}

/** A typed calendar day (YYYY-MM-DD) read in panel time: "5/12/2026", "2026-12-05", or an instant's local day. */
export function parsePanelDay(input: string, timeZone: string): string | undefined {
  const wall = wallClock(input.trim());
  if (wall) return wall.date;
  const instant = parsePanelTime(input, timeZone);
  return instant && localDate(instant, timeZone);
}

export const PANEL_TIME_EXAMPLES = '2027-02-27T09:30 or 27/2/2027 09:30 (panel time), or 2027-02-27T09:30:00+01:00';

function addOneDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** "+01:00" for an instant in the zone. */
export function offsetText(instant: Date, timeZone: string): string {
  const minutes = offsetMinutes(instant, timeZone);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "2026-12-08 09:30" on the panel's wall clock. */
export function panelDateTime(instant: Date, timeZone: string): string {
  const { hour, minute } = localTime(instant, timeZone);
  return `${localDate(instant, timeZone)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "2026-12-08 09:30 +01:00": panel time with its offset, for organisers (can be typed back as is). */
export function panelDateTimeWithZone(instant: Date, timeZone: string): string {
  return `${panelDateTime(instant, timeZone)} ${offsetText(instant, timeZone)}`;
}

/** "2026-12-08T09:30:00+01:00": an ISO text in panel time, for files and JSON meant for people. */
export function panelIso(instant: Date, timeZone: string): string {
  const { hour, minute } = localTime(instant, timeZone);
  const seconds = String(instant.getUTCSeconds()).padStart(2, '0');
  return `${localDate(instant, timeZone)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${seconds}${offsetText(instant, timeZone)}`;
}

/** JSON for organisers (`--json`): every date in it in panel time with its offset (panelIso), never UTC's "Z". */
export function panelJson(value: unknown, timeZone: string): string {
  return JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, json: unknown) {
      const raw = this[key];
      return raw instanceof Date ? panelIso(raw, timeZone) : json;
    },
    2,
  );
}
