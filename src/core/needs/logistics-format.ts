// The logistics report as text or CSV, for organisers (English). With detail 'counts' no name
// and no own-words detail appears: that is what may be shown where many people read (Slack).
import type { DayLogistics, EventLogistics, NamedPerson } from './logistics';
import { plural } from '../organisers/plural';
import { formatDay } from '../panel/time';

/** 'counts': numbers only. 'names': numbers, then the names the hotel, childcare and guardians need, and own-words details. */
export type LogisticsDetail = 'counts' | 'names';

export interface FormatOptions {
  detail?: LogisticsDetail;
  timeZone?: string;
}

const LABELS: Record<string, string> = {
  none: 'no particular diet',
  vegetarian: 'vegetarian',
  vegan: 'vegan',
  halal: 'halal',
  kosher: 'kosher',
  allergy: 'allergy or intolerance',
  other: 'other',
  not_given: 'not given',
  age_unknown: 'age not given',
  wheelchair: 'wheelchair',
  reduced_mobility: 'reduced mobility',
  step_free: 'step-free access',
  sign_nl: 'sign language NL (VGT)',
  sign_fr: 'sign language FR (LSFB)',
  sign_de: 'sign language DE (DGS)',
  large_print: 'large print',
  senses_other: 'other hearing or sight need',
  interpretation: 'interpreter',
  easy_language: 'easy language',
  public_transport: 'public transport',
  car: 'car',
  bike_walk: 'bike or on foot',
  transport_needed: 'needs help to get there',
};

export const label = (key: string) => LABELS[key] ?? key;

/** "vegetarian 10, vegan 3": the non-zero counts, or "none". */
function counts(record: Record<string, number>): string {
  const parts = Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${label(k)} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

const who = (p: NamedPerson) => `${p.name} (${p.pseudonym})`;

/** "ages 3, 7", "age 4", "ages 6 and 1 not given". */
function agesText(ages: number[], children: number): string {
  const missing = children - ages.length;
  const known = ages.length ? `${ages.length === 1 ? 'age' : 'ages'} ${ages.join(', ')}` : '';
  const unknown = missing > 0 ? `${missing} age${missing === 1 ? '' : 's'} not given` : '';
  return [known, unknown].filter(Boolean).join(' and ');
}

function dayLines(d: DayLogistics, options: Required<FormatOptions>): string[] {
  const lines = [
    `== ${formatDay(d.day, 'en')} (${d.day}) ==`,
    ...(d.expected
      ? [
          `Expected (confirmed the panel, not "no" for this day; before the attendance question): ${plural(d.expected.participants, 'participant')}, ${d.expected.meals.total} meals (diets: ${counts(d.expected.meals.byDiet)}), ${plural(d.expected.childcare.children, 'child', 'children')} in childcare, ${plural(d.expected.companions.total, 'companion')}${d.expected.hotel ? `, ${plural(d.expected.hotel.rooms, 'hotel room')}` : ''}`,
        ]
      : []),
    `Confirmed for this day: ${d.participants} (said no for this day: ${d.declinedDay}, not sure: ${d.unsure}, not answered: ${d.notAnswered})`,
    `Meals: ${d.meals.total} = ${plural(d.participants, 'participant')} + ${plural(d.meals.companions, 'companion')}`,
    `  participants' diets: ${counts(d.meals.byDiet)}`,
    `Childcare: ${plural(d.childcare.children, 'child', 'children')} (${['0-2', '3-5', '6-11', 'age_unknown'].map((b) => `${label(b)}: ${d.childcare.byBand[b as keyof typeof d.childcare.byBand]}`).join(', ')})`,
    `Companions: ${d.companions.total} (parents or guardians of minors: ${d.companions.guardians}; minors without a known guardian: ${d.companions.minorsWithoutGuardian.length})`,
    d.hotel ? `Hotel, night after this day: ${plural(d.hotel.rooms, 'room')}, ${plural(d.hotel.guests, 'guest')} (dinner for ${d.hotel.guests})` : 'Hotel: no night after the last day',
    `Accessibility: ${counts(d.accessibility)}`,
    `Languages: ${counts(d.languages)}`,
    `Language support: ${counts(d.languageSupport)}`,
    `Travel: ${counts(d.travel)}`,
  ];
  if (options.detail === 'names') {
    if (d.hotel?.people.length) lines.push('Hotel guests:', ...d.hotel.people.map((p) => `  ${who(p)}${p.guests > 1 ? ` + ${plural(p.guests - 1, 'companion')}` : ''}`));
    if (d.childcare.families.length) {
      lines.push('Childcare:', ...d.childcare.families.map((f) => `  ${who(f)}: ${f.children} ${f.children === 1 ? 'child' : 'children'}, ${agesText(f.ages, f.children)}`));
    }
    if (d.companions.guardianList.length) {
      lines.push('Minors and their parent or guardian:', ...d.companions.guardianList.map((g) => `  ${who(g)}: ${g.guardian ?? 'NO GUARDIAN GIVEN YET'}`));
    }
    if (d.notes.length) lines.push('Details in their own words:', ...d.notes.map((n) => `  ${n.pseudonym} (${n.category}): ${n.text}`));
  }
  return lines;
}

export function formatLogistics(report: EventLogistics, options: FormatOptions = {}): string {
  const full: Required<FormatOptions> = { detail: options.detail ?? 'names', timeZone: options.timeZone ?? 'Europe/Brussels' };
  return [
    `Logistics for ${report.eventId} (${report.title})`,
    'Counted: people drawn who did not decline and said "yes" for the day.',
    ...report.days.flatMap((d) => ['', ...dayLines(d, full)]),
  ].join('\n');
}

/** One row per count (event, day, section, item, count), then, with names, one row per named person. */
export function logisticsCsv(report: EventLogistics, detail: LogisticsDetail = 'names'): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  const add = (day: string, section: string, item: string, count: number, person = '') => rows.push([report.eventId, day, section, item, count, person]);
  for (const d of report.days) {
    add(d.day, 'participants', 'confirmed', d.participants);
    add(d.day, 'participants', 'said_no', d.declinedDay);
    add(d.day, 'participants', 'unsure', d.unsure);
    add(d.day, 'participants', 'not_answered', d.notAnswered);
    if (d.expected) {
      add(d.day, 'expected', 'participants', d.expected.participants);
      add(d.day, 'expected', 'meals', d.expected.meals.total);
      add(d.day, 'expected', 'childcare_children', d.expected.childcare.children);
      add(d.day, 'expected', 'companions', d.expected.companions.total);
      if (d.expected.hotel) add(d.day, 'expected', 'hotel_rooms', d.expected.hotel.rooms);
    }
    for (const [k, n] of Object.entries(d.meals.byDiet)) add(d.day, 'meals', k, n);
    add(d.day, 'meals', 'companions', d.meals.companions);
    add(d.day, 'meals', 'total', d.meals.total);
    add(d.day, 'childcare', 'children', d.childcare.children);
    for (const [k, n] of Object.entries(d.childcare.byBand)) add(d.day, 'childcare', k, n);
    add(d.day, 'companions', 'total', d.companions.total);
    add(d.day, 'companions', 'guardians', d.companions.guardians);
    add(d.day, 'companions', 'minors_without_guardian', d.companions.minorsWithoutGuardian.length);
    if (d.hotel) {
      add(d.day, 'hotel', 'rooms', d.hotel.rooms);
      add(d.day, 'hotel', 'guests', d.hotel.guests);
    }
    for (const [k, n] of Object.entries(d.accessibility)) add(d.day, 'accessibility', k, n);
    for (const [k, n] of Object.entries(d.languages)) add(d.day, 'languages', k, n);
    for (const [k, n] of Object.entries(d.languageSupport)) add(d.day, 'language_support', k, n);
    for (const [k, n] of Object.entries(d.travel)) add(d.day, 'travel', k, n);
    if (detail === 'names') {
      for (const p of d.hotel?.people ?? []) add(d.day, 'hotel', 'guest', p.guests, who(p));
      for (const f of d.childcare.families) add(d.day, 'childcare', `ages ${f.ages.join(' ')}`.trim(), f.children, who(f));
      for (const g of d.companions.guardianList) add(d.day, 'guardian', g.guardian ?? 'missing', 1, who(g));
    }
  }
  return rows;
}

export const LOGISTICS_CSV_HEADER = ['event', 'day', 'section', 'item', 'count', 'person'];

/** What names people or holds their own words: left out of the numbers-only report. */
const NAMED_KEYS = new Set(['families', 'guardianList', 'minorsWithoutGuardian', 'people', 'notes']);

/**
 * The report as data (`logistics --json`). With detail 'counts' the named lists and own-words
 * details are left out (the keys, not only their contents), as in the text and CSV: numbers only.
 */
export function logisticsData(report: EventLogistics, detail: LogisticsDetail = 'names'): unknown {
  if (detail === 'names') return report;
  return JSON.parse(JSON.stringify(report, (key, value) => (NAMED_KEYS.has(key) ? undefined : value)));
}
