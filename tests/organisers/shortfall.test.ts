// Shortfalls during registration: the projection on synthetic registration curves, the aim, and the
// letters to add where the response was best; then `stats` and its chart.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeShortfall, projectedGain, type RegistrationPoint } from '../../src/core/organisers/shortfall';
import type { QuotaRow } from '../../src/core/selection/features';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { runCli } from '../../src/cli/index';

const DAY = 86_400_000;
const opens = Date.parse('2027-01-04T00:00:00Z');
const closes = opens + 28 * DAY;

/** Registration times of a curve given as the expected cumulative count N(t), t in days. */
function curve(n: (days: number) => number, untilDays: number): number[] {
  const times: number[] = [];
  for (let d = 0; d < untilDays; d++) {
    const k = Math.round(n(d + 1)) - Math.round(n(d));
    for (let i = 0; i < k; i++) times.push(opens + d * DAY + ((i + 0.5) / k) * DAY);
  }
  return times;
}

describe('the projection at the close', () => {
  it('a response that decays after the letters arrive (N = 1,400 (1 - e^(-t/6))): within 3 % of the real close', () => {
    const n = (t: number) => 1400 * (1 - Math.exp(-t / 6));
    for (const day of [14, 18, 21]) {
      const times = curve(n, day);
      const { gain, method } = projectedGain(times, opens, opens + day * DAY, closes);
      expect(method).toBe('decay');
      const projected = times.length + gain;
      const truth = Math.round(n(28));
      expect(Math.abs(projected - truth) / truth, `day ${day}: ${projected.toFixed(0)} vs ${truth}`).toBeLessThan(0.03);
      // A straight line from the pace so far would promise far more.
      const linear = (times.length / day) * 28;
      expect(linear).toBeGreaterThan(truth * 1.3);
    }
  });

  it('a steady pace (40 a day) goes on as it is', () => {
    const times = curve((t) => 40 * t, 15);
    const { gain } = projectedGain(times, opens, opens + 15 * DAY, closes);
    expect(times.length + gain).toBeCloseTo(40 * 28, 0);
  });

  it('in the first two weeks, the average pace so far; after the close, nothing more', () => {
    const times = curve((t) => 30 * t, 5);
    const early = projectedGain(times, opens, opens + 5 * DAY, closes);
    expect(early.method).toBe('early');
    expect(times.length + early.gain).toBeCloseTo(30 * 28, 0);
    expect(projectedGain(times, opens, closes + DAY, closes)).toEqual({ gain: 0, method: 'closed' });
  });
});

describe('the shortfall report', () => {
  const quotas: QuotaRow[] = [
    { feature: 'age', value: '16-24', min: 19, max: 22 },
    { feature: 'age', value: '25-64', min: 27, max: 30 },
    { feature: 'language', value: 'de', min: 1, max: 3 },
  ];
  it('compares each value with its aim (5 per seat of the minimum) and says where letters yield that value best', () => {
    const registrations: RegistrationPoint[] = [];
    const add = (k: number, age: string, language: string, cell: string) => {
      for (let i = 0; i < k; i++) registrations.push({ at: new Date(opens + (i % 20) * DAY / 2), values: { age, language }, cell });
    };
    add(30, '16-24', 'nl', 'nl · flanders'); // 30 from 1,000 letters: 3 per 100
    add(20, '16-24', 'fr', 'fr · wallonia'); // 20 from 400 letters: 5 per 100
    add(200, '25-64', 'nl', 'nl · flanders');
    add(1, '25-64', 'de', 'fr+de · wallonia');
    const letters = new Map([
      ['nl · flanders', 1000],
      ['fr · wallonia', 400],
      ['fr+de · wallonia', 50],
    ]);
    // The close: registration is over, so the projection is what there is.
    const report = computeShortfall({ now: new Date(closes + DAY), opens: new Date(opens), closes: new Date(closes), quotas, aimPerMinimumSeat: 5, registrations, letters });
    const row = (v: string) => report.rows.find((r) => r.value === v)!;
    expect(row('16-24')).toMatchObject({ min: 19, aim: 95, registered: 50, projected: 50, short: 45, infeasibleNow: false, letters: { cell: 'fr · wallonia', letters: 900, perHundred: 5 } });
    expect(row('25-64')).toMatchObject({ aim: 135, registered: 201, short: 0, infeasibleNow: false });
    expect(row('25-64').letters).toBeUndefined();
    // One German speaker for a minimum of 1: feasible, but far from the aim of 5; 2 per 100 letters on the border.
    expect(row('de')).toMatchObject({ aim: 5, registered: 1, short: 4, letters: { cell: 'fr+de · wallonia', letters: 200, perHundred: 2 } });
    expect(report.suggestions).toEqual([
      { cell: 'fr · wallonia', letters: 900, for: ['age=16-24'] },
      { cell: 'fr+de · wallonia', letters: 200, for: ['language=de'] },
    ]);
  });

  it('names a value below its minimum: the draw would be infeasible today', () => {
    const report = computeShortfall({ now: new Date(closes + DAY), opens: new Date(opens), closes: new Date(closes), quotas, aimPerMinimumSeat: 5, registrations: [], letters: new Map() });
    expect(report.rows.every((r) => r.infeasibleNow)).toBe(true);
    expect(report.rows[0]!.letters).toBeUndefined();
  });
});

let panel: TestPanel;
afterEach(() => panel?.close());

describe('stats', () => {
  it('shows the shortfalls after the numbers and draws them as a PNG', async () => {
    panel = testPanel();
    seedCohort(panel.app.db, 300, panel.clock.now());
    const chart = path.join(path.dirname(panel.dbPath), 'shortfall.png');
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    const werr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => ((out += s), true)) as never;
    process.stderr.write = (() => true) as never;
    const rc = await runCli(['--db', panel.dbPath, 'stats', '--chart', chart]).finally(() => {
      process.stdout.write = write;
      process.stderr.write = werr;
    });
    expect(rc).toBe(0);
    expect(out).toContain("Shortfalls: aim 5 registrants per seat of each quota's minimum");
    expect(out).toMatch(/age\/16-24\s+19\s+95\s+\d+/);
    const png = fs.readFileSync(chart);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  }, 180_000);
});
