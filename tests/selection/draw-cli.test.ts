// `panelbot draw`: the pool and quotas of `export pool`, a seeded maximin draw, the reserves by lot,
// sortition-algorithms' files, the fairness report, and the outcome recorded and sent once.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedDrawCohort } from '../helpers/draw-cohort';
import { runCli } from '../../src/cli/index';
import { parseCsv } from '../../src/cli/csv';
import { draws, outbox, registrations } from '../../src/db/schema/index';
import { FEATURES } from '../../src/core/selection/features';

let panel: TestPanel;
afterEach(() => panel?.close());

async function cli(args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = process.stdout.write.bind(process.stdout);
  const werr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as never;
  process.stderr.write = ((s: string) => ((err += s), true)) as never;
  try {
    return { rc: await runCli(args), out, err };
  } finally {
    process.stdout.write = write;
    process.stderr.write = werr;
  }
}

/** The example panel with 10 seats and 3 reserves: a draw that takes a few seconds. */
function smallPanelConfig(dir: string): string {
  const file = path.join(dir, 'panel.yaml');
  const text = fs.readFileSync('panel.example.yaml', 'utf8').replace(/panelSize: 60/, 'panelSize: 10').replace(/reserves: 10/, 'reserves: 3');
  fs.writeFileSync(file, text);
  return file;
}

const rows = (file: string) => parseCsv(fs.readFileSync(file, 'utf8'));

describe('npx panelbot draw', () => {
  it('draws, writes the files and the report, records the outcome once, and refuses a second, different draw', { timeout: 120_000 }, async () => {
    panel = testPanel();
    seedDrawCohort(panel.app.db, 100, panel.clock.now(), 4);
    const dir = path.dirname(panel.dbPath);
    const base = ['--db', panel.dbPath, '--config', smallPanelConfig(dir)];
    const dry = path.join(dir, 'dry');

    const first = await cli([...base, 'draw', '--seed', '42', '--out', dry, '--dry-run']);
    expect(first.rc).toBe(0);
    expect(first.out).toContain('Dry run: nothing recorded');
    expect(first.err).toMatch(/iteration \d+: \d+ committees, least chance [\d.]+ %/);
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(0);
    expect(panel.app.db.select().from(draws).all()).toHaveLength(0);

    // sortition-algorithms' formats: id and the features; remaining leaves out the selected and their housemates.
    const selected = rows(path.join(dry, 'selected.csv'));
    const remaining = rows(path.join(dry, 'remaining.csv'));
    const people = rows(path.join(dry, 'people.csv'));
    expect(selected.header).toEqual(['id', ...FEATURES]);
    expect(remaining.header).toEqual(['id', ...FEATURES]);
    expect(selected.rows).toHaveLength(10);
    const household = new Map(people.rows.map((r) => [r.values.id!, r.values.household!]));
    const taken = new Set(selected.rows.map((r) => household.get(r.values.id!)));
    expect(taken.size).toBe(10);
    for (const r of remaining.rows) expect(taken.has(household.get(r.values.id!))).toBe(false);
    expect(selected.rows.length + remaining.rows.length).toBeLessThanOrEqual(100);
    const probabilities = rows(path.join(dry, 'probabilities.csv'));
    expect(probabilities.header).toEqual(['id', 'probability']);
    expect(probabilities.rows.reduce((s, r) => s + Number(r.values.probability), 0)).toBeCloseTo(10, 4);

    // The report: the quotas met, the hashes of the files the draw read, the chart.
    const report = JSON.parse(fs.readFileSync(path.join(dry, 'report.json'), 'utf8'));
    expect(report.poolHash).toBe(createHash('sha256').update(fs.readFileSync(path.join(dry, 'people.csv'))).digest('hex'));
    expect(report.quotasHash).toBe(createHash('sha256').update(fs.readFileSync(path.join(dry, 'quotas.csv'))).digest('hex'));
    expect(report.quotas.every((q: { met: boolean }) => q.met)).toBe(true);
    expect(report).toMatchObject({ algorithm: 'maximin', seed: 42, optimal: true, poolSize: 100, panelSize: 10 });
    expect(report.gini).toBeGreaterThan(0);
    expect(first.out).toContain(`people.csv sha256 ${report.poolHash}`);
    expect(people.header).toEqual(['id', 'household', ...FEATURES]);
    expect(fs.readFileSync(path.join(dry, 'chances-by-stratum.png')).subarray(1, 4).toString()).toBe('PNG');

    // The real draw with the same seed: the same panel, everyone told once.
    const real = path.join(dir, 'real');
    expect((await cli([...base, 'draw', '--seed', '42', '--out', real])).rc).toBe(0);
    expect(fs.readFileSync(path.join(real, 'selected.csv'), 'utf8')).toBe(fs.readFileSync(path.join(dry, 'selected.csv'), 'utf8'));
    const outcomes = panel.app.db.select({ s: registrations.selection }).from(registrations).all().map((r) => r.s);
    expect(outcomes.filter((s) => s === 'selected')).toHaveLength(10);
    expect(outcomes.filter((s) => s === 'reserve')).toHaveLength(3);
    expect(outcomes.filter((s) => s === 'not_selected')).toHaveLength(87);
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(100);
    expect(panel.app.db.select().from(draws).get()!.source).toBe('built-in maximin');

    // Again with the same seed: a replay, nothing sent twice. Another seed: refused.
    const again = await cli([...base, 'draw', '--seed', '42', '--out', path.join(dir, 'again')]);
    expect(again.rc).toBe(0);
    expect(again.out).toContain('100 already recorded (nothing sent again)');
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(100);
    const other = await cli([...base, 'draw', '--seed', '43', '--out', path.join(dir, 'other')]);
    expect(other.rc).toBe(1);
    expect(other.err).toContain('A draw is already recorded');

    const shown = await cli([...base, 'draw', 'report']);
    expect(shown.rc).toBe(0);
    expect(shown.out).toContain('Draw: maximin, seed 42, 10 seats from 100 people');
  });

  it('makes the checks of export pool first and names each failure', async () => {
    panel = testPanel();
    seedDrawCohort(panel.app.db, 6, panel.clock.now(), 5);
    const dir = path.dirname(panel.dbPath);
    const r = await cli(['--db', panel.dbPath, '--config', smallPanelConfig(dir), 'draw', '--seed', '1', '--out', path.join(dir, 'x'), '--dry-run']);
    expect(r.rc).toBe(1);
    expect(r.err).toContain('The draw cannot run');
    // While registration is open a real draw is refused (a dry run is not), unless forced.
    const open = await cli(['--db', panel.dbPath, '--config', smallPanelConfig(dir), '--now', '2027-01-20T10:00', 'draw', '--seed', '1', '--out', path.join(dir, 'y')]);
    expect(open.rc).toBe(1);
    expect(open.err).toContain('registration is still open (until 2027-01-31 23:59 +01:00)');
    expect(r.err).toContain('not_enough_people');
    expect(panel.app.db.select().from(draws).all()).toHaveLength(0);
  });
});
