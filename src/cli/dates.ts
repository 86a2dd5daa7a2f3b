// Dates and times typed on the command line, read in the panel's time zone with the shared parser
// (src/core/panel/panel-time.ts): ISO or day/month/year. A value that cannot be read stops the
// command with one line saying what is expected, never a stack trace.
import { InputError, one, type ParsedArgs } from './args';
import { parsePanelDay, parsePanelTime, PANEL_TIME_EXAMPLES } from '../core/panel/panel-time';

/** --NAME as a calendar day (YYYY-MM-DD), or undefined when not given. */
export function dayOption(args: ParsedArgs, name: string, timeZone: string): string | undefined {
  const text = one(args, name);
  if (text === undefined) return undefined;
  const day = parsePanelDay(text, timeZone);
  if (!day) throw new InputError(`--${name} "${text}" is not a date: type it like 2027-02-13 or 13/2/2027 (day/month/year, ${timeZone})`);
  return day;
}

/** --NAME as an instant (panel time unless an offset is given), or undefined when not given. */
export function timeOption(args: ParsedArgs, name: string, timeZone: string): Date | undefined {
  const text = one(args, name);
  if (text === undefined) return undefined;
  const instant = parsePanelTime(text, timeZone);
  if (!instant) throw new InputError(`--${name} "${text}" is not a date and time: type it like ${PANEL_TIME_EXAMPLES}; panel time is ${timeZone}`);
  return instant;
}
