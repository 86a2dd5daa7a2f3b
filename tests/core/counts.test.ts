// The numbers add up, through a whole panel: registrations = eligible + not eligible + withdrawn +
// erased; the draw's outcomes add up to everyone who was eligible; the answers to the selected. The
// same counts feed `stats` and Slack's /panel stats, and the printed lines obey the same sums.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { countIdentities, panelCounts } from '../../src/core/organisers/counts';
import { computeStats, formatStats } from '../../src/core/organisers/stats';
import { runRetention } from '../../src/core/privacy/retention';
import { people, registrations } from '../../src/db/schema/index';
import { runCli } from '../../src/cli/index';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

const sumOf = (text: string) => [...text.matchAll(/ (\d+)(?=,|$)/g)].reduce((a, m) => a + Number(m[1]), 0);

/** Checks the identities on the counts and on the printed stats; returns the printed text. */
function addsUp(p: TestPanel): string {
  const counts = panelCounts(p.app.db);
  expect(countIdentities(counts)).toEqual([]);
  const stats = computeStats(p.app.db, p.app.services.config);
  const text = formatStats(stats);
  const reg = /Registrations: (\d+) .*= eligible (\d+) \+ not eligible (\d+) \+ withdrawn (\d+) \+ erased (\d+)/.exec(text)!;
  expect(Number(reg[1])).toBe(Number(reg[2]) + Number(reg[3]) + Number(reg[4]) + Number(reg[5]));
  const notEligible = /^Not eligible: (.*)$/m.exec(text);
  expect(notEligible ? sumOf(notEligible[1]!) : 0).toBe(Number(reg[3]));
  for (const feature of Object.values(stats.features)) expect(feature.reduce((a, r) => a + r.count, 0)).toBe(stats.eligible);
  const draw = /^Draw, of the (\d+) (?:person|people) who were eligible: (.*)$/m.exec(text);
  if (draw) {
    expect(sumOf(draw[2]!)).toBe(Number(draw[1]));
    expect(Number(draw[1])).toBe(Number(reg[2]) + Number(reg[4]) + Number(reg[5]));
    const answers = /^The (\d+) selected: (.*)$/m.exec(text)!;
    expect(/selected (\d+)/.exec(draw[2]!)?.[1] ?? '0').toBe(answers[1]);
    expect(sumOf(answers[2]!)).toBe(Number(answers[1]));
  }
  return text;
}

describe('counts through a whole panel', () => {
  it('registrations, the draw and the answers add up at every stage, also after retention', async () => {
    panel = testPanel({ now: '2027-01-20T10:00:00+01:00' });
    const db = panel.app.db;
    const ids = seedCohort(db, 14, panel.clock.now(), 41);
    db.$client.prepare("UPDATE people SET language = 'en'").run();
    const user = (i: number) => panel.user(`cohort-41-${i}`);
    expect(addsUp(panel)).toContain('Draw: not yet (14 eligible people)');

    // Two found not eligible (a correction, as the registration writes it), one withdraws, one is erased.
    db.update(registrations).set({ status: 'ineligible', ineligibleReason: 'too_young', firstName: null }).where(eq(registrations.personId, ids[0]!)).run();
    db.update(registrations).set({ status: 'ineligible', ineligibleReason: 'excluded_diplomat', firstName: null }).where(eq(registrations.personId, ids[1]!)).run();
    user(2).says('withdraw');
    expect(user(2).says('Yes, withdraw')).toContain('withdrawn');
    user(3).says('delete me');
    user(3).says('Yes, delete everything');
    let text = addsUp(panel);
    expect(text).toContain('Registrations: 14 (response rate');
    expect(text).toContain('= eligible 10 + not eligible 2 + withdrawn 1 + erased 1');
    expect(text).toContain('Not eligible: excluded_diplomat 1, too_young 1');

    // The draw: 4 selected of the 10 in the pool, the rest remaining.
    const pool = db.select({ pseudonym: people.pseudonym, id: people.id }).from(people).innerJoin(registrations, eq(registrations.personId, people.id)).where(eq(registrations.status, 'registered')).all();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-counts-'));
    fs.writeFileSync(path.join(dir, 's.csv'), `id\n${pool.slice(0, 4).map((p) => p.pseudonym).join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'r.csv'), `id\n${pool.slice(4).map((p) => p.pseudonym).join('\n')}\n`);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runCli(['--db', panel.dbPath, 'selection', 'import', '--selected', path.join(dir, 's.csv'), '--remaining', path.join(dir, 'r.csv')])).toBe(0);
    text = addsUp(panel);
    expect(text).toMatch(/Draw, of the 12 people who were eligible: selected 4, reserve \d+(, not selected \d+)?, not drawn 2/);
    expect(text).toContain('The 4 selected: not answered yet 4');

    // Answers: two confirm, one declines; then a confirmed one withdraws and another is erased.
    const selected = pool.slice(0, 4).map((p) => p.id);
    db.update(registrations).set({ participation: 'confirmed' }).where(inArray(registrations.personId, selected.slice(0, 3))).run();
    db.update(registrations).set({ participation: 'declined' }).where(eq(registrations.personId, selected[3]!)).run();
    const byId = (id: number) => panel.user(`cohort-41-${ids.indexOf(id)}`);
    byId(selected[0]!).says('withdraw');
    byId(selected[0]!).says('Yes, withdraw');
    byId(selected[1]!).says('delete me');
    byId(selected[1]!).says('Yes, delete everything');
    text = addsUp(panel);
    expect(text).toContain('= eligible 8 + not eligible 2 + withdrawn 2 + erased 2');
    // The rehearsal's mismatch: "selected 4" beside "confirmed 5" cannot happen; the erased still count.
    expect(text).toContain('The 4 selected: confirmed 2, declined 2');

    // After retention everyone is erased, and the draw is still there, adding up.
    const retained = runRetention(panel.app.services, new Date('2027-11-22T17:00:00+01:00'));
    expect(retained.ran).toBe(true);
    text = addsUp(panel);
    expect(text).toContain('= eligible 0 + not eligible 2 + withdrawn 0 + erased 12');
    expect(text).not.toContain('Draw: not yet');
    expect(text).toContain('The 4 selected: confirmed 2, declined 2');
  });
});
