// What the caterer, the childcare service and the hotel need for each day of an event: counts
// first, then names only where a name is needed (hotel, childcare, guardians).
//
// Who counts on a day: people drawn (selection 'selected') who did not decline the panel, are still
// active, and answered "yes" for that day. A hotel night follows a day when the person comes that
// day and the next day of the same event. Children whose days were not given count on every day
// their parent comes (better a seat too many in the childcare than one too few).
//
// Used by `panelbot logistics` and, with detail 'counts', by organiser tools that may show counts
// only (Slack): computeLogistics gives the numbers, formatLogistics / logisticsCsv the text.
import { formatLogistics as formatForSlack } from './logistics-format';
import type { Db } from '../../db/client';
import { dayAnswersOfEvent, selectedWithNeeds, type NeedsRow } from '../../db/repos/needs';
import { LANGUAGES, type PanelConfig } from '../panel/config';
import { eventDays, findEvent, panelCalendar } from '../panel/calendar';
import { ageOn } from '../registration/parse';
import { AGE_BANDS, DIETS, TRAVEL, ageBand, type AgeBand, type Diet, type Travel } from './model';

export const ACCESS_ITEMS = ['wheelchair', 'reduced_mobility', 'step_free', 'sign_nl', 'sign_fr', 'sign_de', 'large_print', 'senses_other'] as const;
export type AccessItem = (typeof ACCESS_ITEMS)[number];
export const SUPPORT_ITEMS = ['interpretation', 'easy_language', 'other'] as const;
export type SupportItem = (typeof SUPPORT_ITEMS)[number];

/** Someone named in the report: name for the people on site, pseudonym to find them in panelbot. */
export interface NamedPerson {
  pseudonym: string;
  name: string;
}

export interface DayLogistics {
  day: string;
  /** People who confirmed this day: everything below counts only them (and who comes with them). */
  participants: number;
  /** Selected people who said no for this day, said "not sure", or have not answered. */
  declinedDay: number;
  unsure: number;
  notAnswered: number;
  meals: { byDiet: Record<Diet | 'not_given', number>; companions: number; total: number };
  childcare: { children: number; byBand: Record<AgeBand | 'age_unknown', number>; families: Array<NamedPerson & { ages: number[]; children: number }> };
  companions: {
    /** Everyone who comes along: companions of adults and parents or guardians of minors. */
    total: number;
    /** Parents or guardians: one per minor expected (required, whether their name is known yet or not). */
    guardians: number;
    guardianList: Array<NamedPerson & { guardian: string | null }>;
    /** Minors expected this day whose parent or guardian is not (fully) known yet. */
    minorsWithoutGuardian: NamedPerson[];
  };
  /** The hotel night after this day (null on the last day of an event). */
  hotel: { rooms: number; guests: number; people: Array<NamedPerson & { guests: number }> } | null;
  accessibility: Record<AccessItem, number>;
  languages: Record<string, number>;
  languageSupport: Record<SupportItem, number>;
  travel: Record<Travel | 'not_given', number>;
  /** Own-words details (allergies, other needs): shown with pseudonyms, only in full detail. */
  notes: Array<{ pseudonym: string; category: 'diet' | 'senses' | 'language' | 'other'; text: string }>;
  /**
   * Before the attendance question: the same counts for everyone selected who confirmed the panel
   * and did not say "no" for this day, with their needs, so caterers and childcare can be booked weeks ahead.
   */
  expected?: DayLogistics;
}

export interface EventLogistics {
  eventId: string;
  title: string;
  days: DayLogistics[];
}

interface Member extends NamedPerson {
  personId: number;
  language: string | null;
  minor: boolean;
  needs: NeedsRow | undefined;
  /** Confirmed their participation in the panel (not only drawn). */
  confirmed: boolean;
}

const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function members(db: Db, config: PanelConfig): Member[] {
  const first = panelCalendar(db, config).firstDay();
  const rows = selectedWithNeeds(db);
  return rows.map(({ reg, pseudonym, language, needs: row }) => ({
    personId: reg.personId,
    pseudonym,
    name: [reg.firstName, reg.lastName].filter(Boolean).join(' ') || pseudonym,
    language,
    minor: reg.birthDate ? ageOn(reg.birthDate, first) < config.registration.guardianBelowAge : false,
    needs: row ?? undefined,
    confirmed: reg.participation === 'confirmed',
  }));
}

/** Who comes along: a minor always comes with a parent or guardian (known or not yet); an adult with a companion if they said so. */
function companionsOf(m: Member): number {
  if (m.minor) return 1;
  return m.needs?.companion === 'companion' ? 1 : 0;
}

function dayReport(day: string, nextDay: string | undefined, everyone: Member[], answers: Map<string, string>): DayLogistics {
  const answerOf = (m: Member, d: string) => answers.get(`${m.personId}|${d}`);
  const coming = everyone.filter((m) => answerOf(m, day) === 'yes');
  const report: DayLogistics = {
    day,
    participants: coming.length,
    declinedDay: everyone.filter((m) => answerOf(m, day) === 'no').length,
    unsure: everyone.filter((m) => answerOf(m, day) === 'unsure').length,
    notAnswered: everyone.filter((m) => answerOf(m, day) === undefined).length,
    meals: { byDiet: zero([...DIETS, 'not_given']), companions: 0, total: 0 },
    childcare: { children: 0, byBand: zero([...AGE_BANDS, 'age_unknown']), families: [] },
    companions: { total: 0, guardians: 0, guardianList: [], minorsWithoutGuardian: [] },
    hotel: nextDay ? { rooms: 0, guests: 0, people: [] } : null,
    accessibility: zero(ACCESS_ITEMS),
    languages: {},
    languageSupport: zero(SUPPORT_ITEMS),
    travel: zero([...TRAVEL, 'not_given']),
    notes: [],
  };
  for (const m of coming) {
    const n = m.needs;
    const named = { pseudonym: m.pseudonym, name: m.name };
    const diet = (n?.diet ?? 'not_given') as Diet | 'not_given';
    report.meals.byDiet[diet] = (report.meals.byDiet[diet] ?? 0) + 1;
    const along = companionsOf(m);
    report.meals.companions += along;
    report.companions.total += along;

    if (n?.children && (!n.childcareDays || n.childcareDays.includes(day))) {
      const ages = (n.childAges ?? []).slice(0, n.children);
      report.childcare.children += n.children;
      for (const age of ages) report.childcare.byBand[ageBand(age)] += 1;
      report.childcare.byBand.age_unknown += n.children - ages.length;
      report.childcare.families.push({ ...named, ages, children: n.children });
    }

    if (m.minor) {
      const complete = Boolean(n?.guardianName && n.guardianPhone);
      report.companions.guardians += 1;
      report.companions.guardianList.push({ ...named, guardian: n?.guardianName ?? null });
      if (!complete) report.companions.minorsWithoutGuardian.push(named);
    }

    if (report.hotel && nextDay && n?.hotel && n.farAway !== false && answerOf(m, nextDay) === 'yes') {
      report.hotel.rooms += 1;
      report.hotel.guests += 1 + along;
      report.hotel.people.push({ ...named, guests: 1 + along });
    }

    if (n?.mobility && n.mobility !== 'none') report.accessibility[n.mobility as AccessItem] += 1;
    if (n?.senses && n.senses !== 'none') report.accessibility[n.senses === 'other' ? 'senses_other' : (n.senses as AccessItem)] += 1;
    const lang = m.language ?? 'unknown';
    report.languages[lang] = (report.languages[lang] ?? 0) + 1;
    if (n?.languageSupport && n.languageSupport !== 'none') report.languageSupport[n.languageSupport as SupportItem] += 1;
    const travel = (n?.travel ?? 'not_given') as Travel | 'not_given';
    report.travel[travel] += 1;

    if (n?.dietText) report.notes.push({ pseudonym: m.pseudonym, category: 'diet', text: n.dietText });
    if (n?.sensesText) report.notes.push({ pseudonym: m.pseudonym, category: 'senses', text: n.sensesText });
    if (n?.languageText) report.notes.push({ pseudonym: m.pseudonym, category: 'language', text: n.languageText });
    if (n?.otherText) report.notes.push({ pseudonym: m.pseudonym, category: 'other', text: n.otherText });
  }
  report.meals.total = report.participants + report.meals.companions;
  const order = (lang: string) => ((LANGUAGES as readonly string[]).indexOf(lang) + 1 || 99);
  report.languages = Object.fromEntries(Object.entries(report.languages).sort(([a], [b]) => order(a) - order(b)));
  const byName = (a: NamedPerson, b: NamedPerson) => a.name.localeCompare(b.name);
  report.childcare.families.sort(byName);
  report.companions.guardianList.sort(byName);
  report.companions.minorsWithoutGuardian.sort(byName);
  report.hotel?.people.sort(byName);
  return report;
}

/** The logistics of one event, day by day; undefined when there is no such event. */
export function computeLogistics(db: Db, config: PanelConfig, eventId: string): EventLogistics | undefined {
  const event = findEvent(db, config, eventId);
  if (!event) return undefined;
  const days = eventDays(event, config.panel.timezone);
  const everyone = members(db, config);
  const answers = new Map(
    dayAnswersOfEvent(db, eventId)
      .filter((a) => a.answer !== null)
      .map((a) => [`${a.personId}|${a.day}`, a.answer!]),
  );
  // Expected: every confirmed participant comes each day unless they said "no" for it.
  const confirmed = everyone.filter((m) => m.confirmed);
  const expectedAnswers = new Map<string, string>();
  for (const m of confirmed) for (const day of days) expectedAnswers.set(`${m.personId}|${day}`, answers.get(`${m.personId}|${day}`) === 'no' ? 'no' : 'yes');
  return {
    eventId,
    title: event.title.en,
    days: days.map((day, i) => ({ ...dayReport(day, days[i + 1], everyone, answers), expected: dayReport(day, days[i + 1], confirmed, expectedAnswers) })),
  };
}

export { formatLogistics, logisticsCsv, type LogisticsDetail, type FormatOptions } from './logistics-format';

/** The text organisers see in Slack: counts only (names and own words stay in the CLI); undefined for an unknown event. */
export function logisticsCountsText(db: Db, config: PanelConfig): (eventId: string) => string | undefined {
  return (eventId) => {
    const report = computeLogistics(db, config, eventId);
    return report && formatForSlack(report, { detail: 'counts' });
  };
}
