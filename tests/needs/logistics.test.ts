// The logistics report against a generated cohort of 60 whose needs and answers are known: every
// count per day equals the one worked out here from the cohort itself, people who declined a day
// or the panel do not count, and the command line prints the same numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { random, seedCohort } from '../helpers/cohort';
import { runCli } from '../../src/cli/index';
import { parseCsv } from '../../src/cli/csv';
import { attendance, needs, people, registrations } from '../../src/db/schema/index';
import { computeLogistics, formatLogistics } from '../../src/core/needs/logistics';
import { ageBand, DIETS, MOBILITY, SENSES, LANGUAGE_SUPPORT, TRAVEL } from '../../src/core/needs/model';

let panel: TestPanel;
afterEach(() => panel?.close());

/** Runs `panelbot …` in this process and returns what it printed. */
async function panelbot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const werr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => out.push(String(s)) > 0) as never;
  process.stderr.write = ((s: string) => err.push(String(s)) > 0) as never;
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = werr;
  }
}

const DAYS = ['2027-02-20', '2027-02-21'] as const;
type Answer = 'yes' | 'no' | 'unsure' | undefined;

interface Spec {
  id: number;
  pseudonym: string;
  name: string;
  language: string;
  participation: 'confirmed' | 'pending' | 'declined';
  selection: 'selected' | 'reserve';
  minor: boolean;
  answers: Record<(typeof DAYS)[number], Answer>;
  diet: string | null;
  children: number;
  ages: number[];
  childcareDays: string[] | null;
  companion: 'none' | 'companion' | 'guardian' | null;
  guardianName: string | null;
  mobility: string | null;
  senses: string | null;
  languageSupport: string | null;
  travel: string | null;
  hotel: boolean | null;
  withNeeds: boolean;
}

/** 60 selected people (3 declined the panel) and 5 reserves, with needs and answers drawn from a seeded generator. */
function generate(panel: TestPanel): Spec[] {
  const { db } = panel.app;
  const now = panel.clock.now();
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = <T>(xs: readonly T[]): T | null => (rnd() < 0.15 ? null : pick(xs));
  const ids = seedCohort(db, 65, now, 7);
  const rows = db.select({ id: people.id, pseudonym: people.pseudonym, first: registrations.firstName, last: registrations.lastName }).from(people).innerJoin(registrations, eq(registrations.personId, people.id)).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id, i) => {
    const row = byId.get(id)!;
    const minor = i === 4 || i === 33;
    const children = rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0;
    const ages = Array.from({ length: children }, () => Math.floor(rnd() * 12)).slice(0, rnd() < 0.1 ? children - 1 : children);
    const dayAnswer = (): Answer => {
      const r = rnd();
      return r < 0.75 ? 'yes' : r < 0.85 ? 'no' : r < 0.92 ? 'unsure' : undefined;
    };
    const spec: Spec = {
      id,
      pseudonym: row.pseudonym,
      name: `${row.first} ${row.last}`,
      language: pick(['nl', 'nl', 'fr', 'de', 'en']),
      participation: i >= 60 ? 'pending' : [11, 29, 47].includes(i) ? 'declined' : 'confirmed',
      selection: i >= 60 ? 'reserve' : 'selected',
      minor,
      answers: { '2027-02-20': dayAnswer(), '2027-02-21': dayAnswer() },
      diet: maybe(DIETS),
      children,
      ages,
      childcareDays: children === 0 ? null : pick([null, [...DAYS], ['2027-02-20']]),
      companion: minor ? 'guardian' : maybe(['none', 'none', 'none', 'companion'] as const),
      guardianName: i === 4 ? 'Greta Guardian' : null,
      mobility: maybe(MOBILITY),
      senses: maybe(SENSES),
      languageSupport: maybe(LANGUAGE_SUPPORT),
      travel: maybe(TRAVEL),
      hotel: rnd() < 0.25 ? true : maybe([false]),
      withNeeds: i % 13 !== 5,
    };
    // Declined the panel or a reserve: everything else says yes, and still they must not count.
    if (spec.participation === 'declined' || spec.selection === 'reserve') spec.answers = { '2027-02-20': 'yes', '2027-02-21': 'yes' };
    if (minor) spec.answers = { '2027-02-20': 'yes', '2027-02-21': 'yes' };
    db.update(people).set({ language: spec.language }).where(eq(people.id, id)).run();
    db.update(registrations)
      .set({ selection: spec.selection, participation: spec.participation, birthDate: minor ? '2010-06-15' : '1980-05-05' })
      .where(eq(registrations.personId, id))
      .run();
    if (spec.withNeeds) {
      db.insert(needs)
        .values({
          personId: id,
          diet: spec.diet,
          dietText: spec.diet === 'allergy' ? 'nuts' : null,
          children: spec.children,
          childAges: spec.ages,
          childcareDays: spec.childcareDays,
          companion: spec.companion,
          guardianName: spec.guardianName,
          guardianPhone: spec.guardianName ? '+32475112233' : null,
          mobility: spec.mobility,
          senses: spec.senses,
          languageSupport: spec.languageSupport,
          travel: spec.travel,
          hotel: spec.hotel,
          updatedAt: now,
        })
        .run();
    }
    for (const day of DAYS) {
      const answer = spec.answers[day];
      if (answer) db.insert(attendance).values({ personId: id, eventId: 'weekend-1', day, answer, answeredAt: now }).run();
    }
    return spec;
  });
}

/** The numbers worked out straight from the cohort. */
function expected(cohort: Spec[], day: (typeof DAYS)[number]) {
  const counted = cohort.filter((p) => p.selection === 'selected' && p.participation !== 'declined');
  const coming = counted.filter((p) => p.answers[day] === 'yes');
  const withNeeds = coming.filter((p) => p.withNeeds);
  const count = (xs: Spec[], f: (p: Spec) => boolean) => xs.filter(f).length;
  // A minor always comes with a parent or guardian, known or not yet.
  const along = (p: Spec) => (p.minor || (p.withNeeds && p.companion === 'companion') ? 1 : 0);
  const childcare = withNeeds.filter((p) => p.children > 0 && (p.childcareDays === null || p.childcareDays.includes(day)));
  const bands = { '0-2': 0, '3-5': 0, '6-11': 0, age_unknown: 0 };
  for (const p of childcare) {
    for (const a of p.ages) bands[ageBand(a)]++;
    bands.age_unknown += p.children - p.ages.length;
  }
  const nextDay = day === DAYS[0] ? DAYS[1] : undefined;
  const hotelGuests = nextDay ? withNeeds.filter((p) => p.hotel === true && p.answers[nextDay] === 'yes') : [];
  return {
    participants: coming.length,
    declinedDay: count(counted, (p) => p.answers[day] === 'no'),
    unsure: count(counted, (p) => p.answers[day] === 'unsure'),
    notAnswered: count(counted, (p) => p.answers[day] === undefined),
    diets: Object.fromEntries([...DIETS, 'not_given'].map((d) => [d, count(coming, (p) => (p.withNeeds && p.diet ? p.diet : 'not_given') === d)])),
    companions: coming.reduce((n, p) => n + along(p), 0),
    children: childcare.reduce((n, p) => n + p.children, 0),
    bands,
    families: childcare.map((p) => p.name).sort(),
    rooms: nextDay ? hotelGuests.length : null,
    guests: nextDay ? hotelGuests.reduce((n, p) => n + 1 + along(p), 0) : null,
    hotelNames: hotelGuests.map((p) => p.name).sort(),
    wheelchair: count(withNeeds, (p) => p.mobility === 'wheelchair'),
    signNl: count(withNeeds, (p) => p.senses === 'sign_nl'),
    languages: Object.fromEntries(['fr', 'nl', 'de', 'en'].map((l) => [l, count(coming, (p) => p.language === l)]).filter(([, n]) => n !== 0)),
    interpretation: count(withNeeds, (p) => p.languageSupport === 'interpretation'),
    car: count(withNeeds, (p) => p.travel === 'car'),
  };
}

describe('panelbot logistics', () => {
  it('shows what is expected before the attendance question: the confirmed, with their needs, unless they said no for the day', () => {
    panel = testPanel({ now: '2027-01-25T10:00:00+01:00' });
    const cohort = generate(panel);
    const report = computeLogistics(panel.app.db, panel.app.services.config, 'weekend-1')!;
    for (const [i, day] of DAYS.entries()) {
      const confirmed = cohort.filter((p) => p.selection === 'selected' && p.participation === 'confirmed' && p.answers[day] !== 'no');
      const e = report.days[i]!.expected!;
      expect(e.participants, day).toBe(confirmed.length);
      const along = (p: Spec) => (p.minor || (p.withNeeds && p.companion === 'companion') ? 1 : 0);
      expect(e.meals.total, day).toBe(confirmed.length + confirmed.reduce((n, p) => n + along(p), 0));
      const children = confirmed.filter((p) => p.withNeeds && p.children > 0 && (p.childcareDays === null || p.childcareDays.includes(day))).reduce((n, p) => n + p.children, 0);
      expect(e.childcare.children, day).toBe(children);
    }
    // Weeks ahead nobody has answered the per-day question: confirmed counts 0, expected does not.
    panel.app.db.delete(attendance).run();
    const ahead = computeLogistics(panel.app.db, panel.app.services.config, 'weekend-1')!;
    expect(ahead.days[0]!.participants).toBe(0);
    expect(ahead.days[0]!.expected!.participants).toBe(cohort.filter((p) => p.selection === 'selected' && p.participation === 'confirmed').length);
    expect(ahead.days[0]!.expected!.meals.total).toBeGreaterThan(0);
    expect(formatLogistics(ahead)).toMatch(/Expected \(confirmed the panel[^\n]*: \d+ participants, \d+ meals/);
  });

  it('counts, for each day of a weekend, exactly what a cohort of 60 with known needs adds up to', async () => {
    panel = testPanel({ now: '2027-02-10T10:00:00+01:00' });
    const cohort = generate(panel);
    const report = computeLogistics(panel.app.db, panel.app.services.config, 'weekend-1')!;
    expect(report.days.map((d) => d.day)).toEqual([...DAYS]);

    for (const [i, day] of DAYS.entries()) {
      const want = expected(cohort, day);
      const got = report.days[i]!;
      // The cohort is varied enough for the comparison to mean something.
      expect(want.participants).toBeGreaterThan(30);
      expect(want.declinedDay + want.unsure + want.notAnswered).toBeGreaterThan(5);
      expect(want.children).toBeGreaterThan(0);

      expect(got.participants).toBe(want.participants);
      expect(got.declinedDay).toBe(want.declinedDay);
      expect(got.unsure).toBe(want.unsure);
      expect(got.notAnswered).toBe(want.notAnswered);
      expect(got.meals.byDiet).toEqual(want.diets);
      expect(got.meals.companions).toBe(want.companions);
      expect(got.meals.total).toBe(want.participants + want.companions);
      expect(got.childcare.children).toBe(want.children);
      expect(got.childcare.byBand).toEqual(want.bands);
      expect(got.childcare.families.map((f) => f.name)).toEqual(want.families);
      expect(got.companions.total).toBe(want.companions);
      expect(got.hotel?.rooms ?? null).toBe(want.rooms);
      expect(got.hotel?.guests ?? null).toBe(want.guests);
      if (got.hotel) expect(got.hotel.people.map((p) => p.name)).toEqual(want.hotelNames);
      expect(got.accessibility.wheelchair).toBe(want.wheelchair);
      expect(got.accessibility.sign_nl).toBe(want.signNl);
      expect(Object.entries(got.languages)).toEqual(Object.entries(want.languages));
      expect(got.languageSupport.interpretation).toBe(want.interpretation);
      expect(got.travel.car).toBe(want.car);
      // Two minors: one with a guardian given, one without.
      expect(got.companions.guardianList.map((g) => g.guardian)).toEqual(expect.arrayContaining(['Greta Guardian', null]));
      expect(got.companions.minorsWithoutGuardian).toHaveLength(1);
      expect(got.companions.guardians).toBe(2);
    }
    // Whoever declined the panel, or is a reserve, is nowhere in the report.
    const text = formatLogistics(report);
    for (const p of cohort.filter((c) => c.participation === 'declined' || c.selection === 'reserve')) expect(text).not.toContain(p.pseudonym);
    expect(text).toContain(`Confirmed for this day: ${report.days[0]!.participants} `);
    expect(text).toContain('Hotel guests:');

    // Counts only: no name, no own words.
    if (process.env.SHOW_LOGISTICS) console.log(text);
    const counts = formatLogistics(report, { detail: 'counts' });
    for (const p of cohort) expect(counts).not.toContain(p.name);
    expect(counts).not.toContain('nuts');
    expect(counts).not.toContain('Greta');

    // The command line gives the same numbers, as CSV.
    const run = await panelbot(['--db', panel.dbPath, 'logistics', 'weekend-1', '--csv']);
    expect(run.code).toBe(0);
    const csv = parseCsv(run.stdout);
    expect(csv.header).toEqual(['event', 'day', 'section', 'item', 'count', 'person']);
    const value = (day: string, section: string, item: string) => Number(csv.rows.find((r) => r.values.day === day && r.values.section === section && r.values.item === item && !r.values.person)?.values.count);
    for (const [i, day] of DAYS.entries()) {
      const want = expected(cohort, day);
      expect(value(day, 'participants', 'confirmed')).toBe(want.participants);
      expect(value(day, 'meals', 'total')).toBe(want.participants + want.companions);
      expect(value(day, 'childcare', 'children')).toBe(want.children);
      expect(value(day, 'childcare', '0-2')).toBe(want.bands['0-2']);
      if (i === 0) expect(value(day, 'hotel', 'rooms')).toBe(want.rooms);
    }
    expect(csv.rows.filter((r) => r.values.section === 'hotel' && r.values.person).map((r) => r.values.person)).toHaveLength(expected(cohort, DAYS[0]).rooms!);

    const unknown = await panelbot(['--db', panel.dbPath, 'logistics', 'weekend-9']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no event "weekend-9"');
  });
});
