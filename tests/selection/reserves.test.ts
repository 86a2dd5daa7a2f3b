// Reserves by lot: reproducible from a seed, independent of the export's order, resembling the panel,
// never two of one household, and recorded with the draw.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { drawReserves, type ReserveCandidate } from '../../src/core/selection/reserve-draw';
import { matchScore } from '../../src/core/selection/reserves';
import { random } from '../helpers/cohort';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { runCli } from '../../src/cli/index';
import { toCsv } from '../../src/cli/csv';
import { draws, invitations, people, registrations } from '../../src/db/schema/index';

function quiet<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  const werr = process.stderr.write.bind(process.stderr);
  process.stdout.write = (() => true) as never;
  process.stderr.write = (() => true) as never;
  return fn().finally(() => {
    process.stdout.write = write;
    process.stderr.write = werr;
  });
}

/** 1,000 people, 80 % from Flanders in the pool; the first 60 in export order are the panel. */
function pool(seed = 7): Array<ReserveCandidate<string>> {
  const rnd = random(seed);
  return Array.from({ length: 1000 }, (_, i) => ({
    id: `P${i}`,
    features: { region: rnd() < 0.8 ? 'flanders' : rnd() < 0.5 ? 'wallonia' : 'brussels', age: rnd() < 0.2 ? '16-24' : '25-64' },
    household: `h${Math.floor(i / 2)}`,
  }));
}

describe('reserves by lot', () => {
  it('two seeds give different reserves, a seed gives the same ones, and the export order plays no part', () => {
    const all = pool();
    const selected = all.slice(0, 60).map((p) => p.id);
    const a = drawReserves(all, selected, 10, 'seed-a');
    const b = drawReserves(all, selected, 10, 'seed-b');
    expect(a.ids).toHaveLength(10);
    expect(a.ids).not.toEqual(b.ids);
    expect(drawReserves(all, selected, 10, 'seed-a').ids).toEqual(a.ids);
    // The same people in another order: the same reserves in the same ranks.
    const shuffled = [...all].reverse();
    expect(drawReserves(shuffled, selected, 10, 'seed-a').ids).toEqual(a.ids);
    // Not the first ones left over in the file.
    const firstLeft = all.filter((p) => !selected.includes(p.id)).slice(0, 10).map((p) => p.id);
    expect(a.ids).not.toEqual(firstLeft);
    expect(a.record).toMatchObject({ method: 'lot_weighted_to_panel_profile', seed: 'seed-a', wanted: 10, drawn: 10 });
  });

  it('the reserves resemble the panel, not the pool', () => {
    const all = pool();
    // A panel of 60 with 57 % from Flanders, 20 % Wallonia, 23 % Brussels (the pool has 80 % from Flanders).
    const byRegion = (r: string) => all.filter((p) => p.features.region === r).map((p) => p.id);
    const selected = [...byRegion('flanders').slice(0, 34), ...byRegion('wallonia').slice(0, 12), ...byRegion('brussels').slice(0, 14)];
    let flemish = 0;
    let drawn = 0;
    for (let s = 0; s < 200; s++) {
      const { ids } = drawReserves(all, selected, 10, `s${s}`);
      const regions = ids.map((id) => all.find((p) => p.id === id)!.features.region);
      flemish += regions.filter((r) => r === 'flanders').length;
      drawn += ids.length;
    }
    // Unweighted, about 80 % would be Flemish; weighted, close to the panel's 57 %.
    expect(flemish / drawn).toBeGreaterThan(0.53);
    expect(flemish / drawn).toBeLessThan(0.61);
  });

  it('resembles the panel on each feature also when the features go together in the pool', () => {
    // The young live mostly in Brussels: weighting each feature on its own would overshoot.
    const rnd = random(11);
    const all = Array.from({ length: 1200 }, (_, i) => {
      const region = rnd() < 0.7 ? 'flanders' : 'brussels';
      const age = rnd() < (region === 'brussels' ? 0.6 : 0.05) ? '16-24' : '25-64';
      return { id: `Q${i}`, features: { region, age } };
    });
    const pick = (region: string, age: string, k: number) => all.filter((p) => p.features.region === region && p.features.age === age).slice(0, k).map((p) => p.id);
    // The panel: 60 % Flemish, 30 % young (the pool left: 70 % Flemish, 21 % young).
    const selected = [...pick('flanders', '25-64', 25), ...pick('flanders', '16-24', 5), ...pick('brussels', '25-64', 10), ...pick('brussels', '16-24', 10)];
    let flemish = 0;
    let young = 0;
    let drawn = 0;
    for (let s = 0; s < 300; s++) {
      const { ids } = drawReserves(all, selected, 10, `c${s}`);
      for (const id of ids) {
        const f = all.find((p) => p.id === id)!.features;
        flemish += f.region === 'flanders' ? 1 : 0;
        young += f.age === '16-24' ? 1 : 0;
      }
      drawn += ids.length;
    }
    expect(Math.abs(flemish / drawn - 0.6)).toBeLessThan(0.04);
    expect(Math.abs(young / drawn - 0.3)).toBeLessThan(0.04);
  });

  it('leaves out the households of members, and draws at most one reserve per household', () => {
    const all = pool();
    const selected = all.slice(0, 60).map((p) => p.id);
    const taken = new Set(all.slice(0, 60).map((p) => p.household));
    for (let s = 0; s < 50; s++) {
      const { ids, record } = drawReserves(all, selected, 30, `h${s}`);
      const households = ids.map((id) => all.find((p) => p.id === id)!.household!);
      expect(households.some((h) => taken.has(h))).toBe(false);
      expect(new Set(households).size).toBe(ids.length);
      expect(record.excludedSameHousehold).toBe(0); // the panel took whole households (P0/P1 ... P58/P59)
    }
    // One member from each of 30 households: their 30 housemates are left out.
    const odd = all.filter((_, i) => i % 2 === 0).slice(0, 30).map((p) => p.id);
    expect(drawReserves(all, odd, 10, 'x').record.excludedSameHousehold).toBe(30);
  });
});

describe('the best-matching reserve', () => {
  it('counts an unknown value as no match, even with another unknown', () => {
    expect(matchScore({ personId: 1, gender: '', ageBand: '25-64' }, { personId: 2, gender: '', ageBand: '25-64' })).toBe(4);
    expect(matchScore({ personId: 1, gender: 'woman', ageBand: '25-64' }, { personId: 2, gender: 'woman', ageBand: '25-64' })).toBe(12);
  });
});

let panel: TestPanel;
afterEach(() => panel?.close());

describe('selection import draws the reserves and records the draw', () => {
  const setUp = () => {
    panel = testPanel();
    seedCohort(panel.app.db, 200, panel.clock.now());
    const dir = path.dirname(panel.dbPath);
    const ids = panel.app.db.select({ p: people.pseudonym }).from(people).orderBy(people.id).all().map((r) => r.p);
    fs.writeFileSync(path.join(dir, 'selected.csv'), toCsv(['id'], ids.slice(0, 60).map((id) => [id])));
    fs.writeFileSync(path.join(dir, 'remaining.csv'), toCsv(['id'], ids.slice(60).map((id) => [id])));
    return { dir, ids };
  };
  const reserves = () =>
    panel.app.db
      .select({ p: people.pseudonym, rank: registrations.reserveRank })
      .from(registrations)
      .innerJoin(people, eq(people.id, registrations.personId))
      .where(eq(registrations.selection, 'reserve'))
      .orderBy(registrations.reserveRank)
      .all();

  it('by lot with a recorded seed: importing again, or with the same seed elsewhere, gives the same reserves', async () => {
    const { dir, ids } = setUp();
    const args = ['--db', panel.dbPath, 'selection', 'import', '--selected', path.join(dir, 'selected.csv'), '--remaining', path.join(dir, 'remaining.csv')];
    expect(await quiet(() => runCli(args))).toBe(0);
    const first = reserves();
    expect(first.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.map((r) => r.p)).not.toEqual(ids.slice(60, 70));
    const record = panel.app.db.select().from(draws).all();
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ reserveMethod: 'lot_weighted_to_panel_profile', selected: 60, reserves: 10 });
    expect(record[0]!.reserveSeed).toMatch(/^[0-9a-f]{16}$/);
    expect(await quiet(() => runCli(args))).toBe(0);
    expect(reserves()).toEqual(first);

    // Another database, the same people and the recorded seed: the same reserves.
    const seed = record[0]!.reserveSeed!;
    const firstPanel = panel;
    const again = setUp();
    expect(await quiet(() => runCli(['--db', panel.dbPath, 'selection', 'import', '--selected', path.join(again.dir, 'selected.csv'), '--seed', seed]))).toBe(0);
    expect(reserves()).toEqual(first);
    expect(await quiet(() => runCli(['--db', panel.dbPath, 'selection', 'import', '--selected', path.join(again.dir, 'selected.csv'), '--seed', 'other']))).toBe(0);
    expect(reserves().map((r) => r.p)).not.toEqual(first.map((r) => r.p));
    firstPanel.close();
  });

  it('the reserves the organisers give, in their rank order', async () => {
    const { dir, ids } = setUp();
    fs.writeFileSync(path.join(dir, 'reserves.csv'), toCsv(['id', 'rank'], [[ids[150]!, 2], [ids[120]!, 1], [ids[199]!, 3]]));
    const args = ['--db', panel.dbPath, 'selection', 'import', '--selected', path.join(dir, 'selected.csv'), '--reserves', path.join(dir, 'reserves.csv')];
    expect(await quiet(() => runCli(args))).toBe(0);
    expect(reserves()).toEqual([
      { p: ids[120], rank: 1 },
      { p: ids[150], rank: 2 },
      { p: ids[199], rank: 3 },
    ]);
    expect(panel.app.db.select().from(draws).get()).toMatchObject({ reserveMethod: 'reserves_file', reserveSeed: null, reserves: 3 });
  });

  it('a household on the panel leaves its other members out of the reserves', async () => {
    const { dir, ids } = setUp();
    // Everyone shares a household with one member of the panel, except the last 15.
    const codes = panel.app.db.select({ code: registrations.invitationCode }).from(registrations).orderBy(registrations.personId).all();
    codes.forEach((c, i) => panel.app.db.update(invitations).set({ household: i < 185 ? `h${i % 60}` : `own${i}` }).where(eq(invitations.code, c.code)).run());
    expect(await quiet(() => runCli(['--db', panel.dbPath, 'selection', 'import', '--selected', path.join(dir, 'selected.csv')]))).toBe(0);
    const drawn = reserves().map((r) => r.p);
    expect(drawn).toHaveLength(10);
    for (const p of drawn) expect(ids.indexOf(p!)).toBeGreaterThanOrEqual(185);
  });
});
