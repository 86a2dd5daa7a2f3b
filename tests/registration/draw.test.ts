// The hand-off to the stratified draw and back: sortition-algorithms' formats, and the outcome told once.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { runCli } from '../../src/cli/index';
import { parseCsv, toCsv } from '../../src/cli/csv';
import { outbox, people, registrations, alerts } from '../../src/db/schema/index';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { RecordingSender } from '../scheduling/helpers';

let panel: TestPanel;
afterEach(() => panel?.close());

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

describe('the draw', () => {
  it('exports 1,170 registrants and the quotas in sortition-algorithms’ formats', async () => {
    panel = testPanel();
    seedCohort(panel.app.db, 1170, panel.clock.now());
    const dir = path.dirname(panel.dbPath);
    const peopleFile = path.join(dir, 'people.csv');
    const quotasFile = path.join(dir, 'quotas.csv');
    expect(await quiet(() => runCli(['--db', panel.dbPath, 'export', 'pool', '--people', peopleFile, '--quotas', quotasFile]))).toBe(0);

    const peopleCsv = parseCsv(fs.readFileSync(peopleFile, 'utf8'));
    const quotasCsv = parseCsv(fs.readFileSync(quotasFile, 'utf8'));
    expect(peopleCsv.header).toEqual(['id', 'household', 'gender', 'age', 'region', 'language', 'education']);
    expect(quotasCsv.header).toEqual(['feature', 'value', 'min', 'max']);
    expect(peopleCsv.rows).toHaveLength(1170);
    expect(new Set(peopleCsv.rows.map((r) => r.values.id)).size).toBe(1170);

    const quotaValues = new Set(quotasCsv.rows.map((r) => `${r.values.feature}=${r.values.value}`));
    for (const row of peopleCsv.rows) {
      for (const feature of ['gender', 'age', 'region', 'language', 'education']) {
        expect(quotaValues.has(`${feature}=${row.values[feature]}`), `${feature}=${row.values[feature]}`).toBe(true);
      }
    }
    // Each feature's quotas can hold a panel of 60.
    for (const feature of ['gender', 'age', 'region', 'language', 'education']) {
      const rows = quotasCsv.rows.filter((r) => r.values.feature === feature);
      const min = rows.reduce((s, r) => s + Number(r.values.min), 0);
      const max = rows.reduce((s, r) => s + Number(r.values.max), 0);
      expect(min).toBeLessThanOrEqual(60);
      expect(max).toBeGreaterThanOrEqual(60);
      for (const r of rows) expect(Number(r.values.min)).toBeLessThanOrEqual(Number(r.values.max));
    }
    // Only pseudonyms leave panelbot: no name, phone or e-mail in the file.
    expect(fs.readFileSync(peopleFile, 'utf8')).not.toMatch(/First|Last|\+32/);
  });

  it('imports 60 selected and the reserves, queuing one message to each, once, even when imported twice', async () => {
    panel = testPanel();
    seedCohort(panel.app.db, 200, panel.clock.now());
    const dir = path.dirname(panel.dbPath);
    const ids = panel.app.db.select({ p: people.pseudonym }).from(people).all().map((r) => r.p);
    const selectedFile = path.join(dir, 'selected.csv');
    const remainingFile = path.join(dir, 'remaining.csv');
    fs.writeFileSync(selectedFile, toCsv(['id', 'gender'], ids.slice(0, 60).map((id) => [id, 'x'])));
    fs.writeFileSync(remainingFile, toCsv(['id', 'gender'], ids.slice(60).map((id) => [id, 'x'])));
    const args = ['--db', panel.dbPath, 'selection', 'import', '--selected', selectedFile, '--remaining', remainingFile];
    expect(await quiet(() => runCli(args))).toBe(0);
    expect(await quiet(() => runCli(args))).toBe(0);

    const queued = panel.app.db.select({ key: outbox.idempotencyKey }).from(outbox).all();
    expect(queued).toHaveLength(200);
    const byKind = (k: string) => queued.filter((q) => q.key.endsWith(`:${k}`)).length;
    expect(byKind('selected')).toBe(60);
    expect(byKind('reserve')).toBe(10);
    expect(byKind('not_selected')).toBe(130);
  });

  it('a selected person confirms or declines, and a decline proposes the best reserve', async () => {
    panel = testPanel();
    const [c1, c2] = panel.invite(2, 'nl');
    const register = (user: string, code: string, birth: string) => {
      const u = panel.user(user);
      for (const a of ['nl', code, '1', 'ja', 'Jan', 'Peeters', birth, 'Man', '9000', '4', '1', '1', 'nee', 'nee', 'nee', 'nee', 'ja', '0470123456', '1']) u.says(a);
      return u;
    };
    const jan = register('jan', c1!, '01/01/1990');
    const piet = register('piet', c2!, '02/02/1991');
    expect(panel.app.db.select().from(registrations).all().map((r) => r.status)).toEqual(['registered', 'registered']);
    const [janId, pietId] = panel.app.db.select({ p: people.pseudonym }).from(people).orderBy(people.id).all().map((r) => r.p);
    const dir = path.dirname(panel.dbPath);
    fs.writeFileSync(path.join(dir, 's.csv'), toCsv(['id'], [[janId!]]));
    fs.writeFileSync(path.join(dir, 'r.csv'), toCsv(['id'], [[pietId!]]));
    const rc = await quiet(() => runCli(['--db', panel.dbPath, 'selection', 'import', '--selected', path.join(dir, 's.csv'), '--remaining', path.join(dir, 'r.csv')]));
    expect(rc).toBe(0);
    panel = panel.reopen();
    // The outcome messages go out through the outbox; Jan's next answer goes to the question his asks.
    const sender = new RecordingSender(panel.clock);
    panel.clock.set('2027-02-01T10:00:00+01:00');
    await new Dispatcher({ services: panel.app.services, senders: [sender] }).tick();
    expect(sender.to('jan').map((d) => d.text).join()).toContain('Goed nieuws');
    expect(sender.to('piet').map((d) => d.text).join()).toContain('reservelijst');
    const jan2 = panel.user('jan');
    const answer = jan2.says('nee');
    expect(answer).toContain('Dank u om het ons te laten weten');
    const declined = panel.app.db.select().from(registrations).where(eq(registrations.participation, 'declined')).all();
    expect(declined).toHaveLength(1);
    const alert = panel.app.db.select().from(alerts).where(eq(alerts.kind, 'selection_declined')).get()!;
    expect(JSON.parse(alert.payload)).toEqual({ person: janId, proposedReserve: pietId });
    void jan;
    void piet;
  });
});
