// Calendar arithmetic in the panel's time zone (Europe/Brussels), with Intl only.

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale, zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

// The same few instants (the panel's dates, the draw) are formatted for message after message:
// their texts are kept, up to a bound.
const MEMO_LIMIT = 2048;
const memo = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    text = make();
    memo.set(key, text);
  }
  return text;
}

/** "2027-02-20" for the given instant, in the time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return remembered(`d|${instant.getTime()}|${timeZone}`, () => computeLocalDate(instant, timeZone));
}

function computeLocalDate(instant: Date, timeZone: string): string {
  const parts = formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Local wall-clock hour and minute of an instant. */
export function localTime(instant: Date, timeZone: string): { hour: number; minute: number } {
  const parts = formatter('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  return { hour: Number(parts.find((p) => p.type === 'hour')!.value), minute: Number(parts.find((p) => p.type === 'minute')!.value) };
}

/** The offset of the time zone from UTC at an instant, in minutes (Brussels: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock in the time zone shows date (YYYY-MM-DD) at hour:minute. */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  let instant = new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60000);
  // Near a daylight-saving change the first guess can be an hour off: correct once.
  instant = new Date(guess - offsetMinutes(instant, timeZone) * 60000);
  return instant;
}

/** A localized date like "samedi 20 février 2027" (French: "lundi 1er mars 2027"). */
export function formatDate(instant: Date, lng: string, timeZone: string): string {
  return remembered(`f|${instant.getTime()}|${lng}|${timeZone}`, () =>
    formatInWords(instant, lng, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  );
}

/**
 * A calendar day (YYYY-MM-DD: a draw date, a birth date, an event day) in words. A day has no time
 * of day and so no zone: it is written as it is. (Noon UTC read in the panel's zone is the next day
 * in Auckland and the day before in Samoa.)
 */
export function formatDay(day: string, lng: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`), lng, 'UTC');
}

/**
 * A date in the language's words with these Intl options; French writes the first of the month
 * "1er" ("le 1er mars"), which Intl does not.
 */
export function formatInWords(instant: Date, lng: string, options: Intl.DateTimeFormatOptions): string {
  const f = formatter(localeTag(lng), options);
  if (lng !== 'fr') return f.format(instant);
  return f
    .formatToParts(instant)
    .map((p) => (p.type === 'day' && Number(p.value) === 1 ? '1er' : p.value))
    .join('');
}

export function formatTime(instant: Date, lng: string, timeZone: string): string {
  return formatter(localeTag(lng), { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant);
}

export function localeTag(lng: string): string {
  return { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' }[lng] ?? 'en-GB';
}
