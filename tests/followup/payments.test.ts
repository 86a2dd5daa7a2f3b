// Money that cannot be paid twice: an exported payment is never exported again unless asked with
// --again, mark-paid accepts only a file it exported and whose lines match that batch exactly, and
// an erasure keeps exactly what accounting requires, for as long as configured, and says so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { confirmedCohort, MOMENTS, sendDue, type Participant } from './helpers';
import { planCompensation } from '../../src/core/compensation/compensation';
import { purgeExpiredPaymentRecords } from '../../src/core/compensation/payment-records';
import { attendance, auditLog, compensationClaims, outbox, paymentBatches, paymentRecords, registrations } from '../../src/db/schema/index';
import { runCli } from '../../src/cli/index';
import { formatDate } from '../../src/core/panel/time';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

const DAYS: Array<[string, string]> = [
  ['weekend-1', '2027-02-20'],
  ['weekend-1', '2027-02-21'],
  ['weekend-2', '2027-03-20'],
  ['weekend-2', '2027-03-21'],
  ['weekend-3', '2027-04-17'],
  ['weekend-3', '2027-04-18'],
];

const HOLDERS = ['Ann Peeters', 'Bob Jansen', 'Cem Yilmaz', 'Dirk Maes'];

/** A panel after the last weekend with `n` participants who gave their bank details. */
async function paidPanel(n: number): Promise<Participant[]> {
  panel = testPanel({ now: MOMENTS.compensation });
  const cohort = confirmedCohort(panel, n, 31);
  panel.app.db.$client.prepare("UPDATE people SET language = 'en'").run();
  for (const who of cohort) {
    for (const [eventId, day] of DAYS) panel.app.db.insert(attendance).values({ personId: who.id, eventId, day, answer: 'yes', checkedInAt: new Date(`${day}T09:15:00+01:00`) }).run();
  }
  planCompensation(panel.app.services, panel.clock.now());
  await sendDue(panel);
  cohort.forEach((who, i) => {
    who.user.says(HOLDERS[i]!);
    who.user.says('BE71 0961 2345 6769');
    expect(who.user.says('Yes, correct')).toContain('bank details are recorded');
  });
  return cohort;
}

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-pay-'));
  return {
    dir,
    run: (...args: string[]) => runCli(['--db', panel.dbPath, 'compensation', ...args]),
    out: () => out.splice(0).join(''),
    err: () => err.splice(0).join(''),
    csvs: () => fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(dir, f)),
  };
}

describe('money that cannot be paid twice', () => {
  it('a second export exports nothing already exported; --again replaces a batch, whose old file is then refused', async () => {
    await paidPanel(4);
    const c = cli();
    expect(await c.run('export', '--out', c.dir)).toBe(0);
    expect(c.out()).toContain('4 payments, 1280.00 EUR');
    const [first] = c.csvs();

    // The double export of the rehearsal: now nothing is written, and the organiser is told why.
    panel.clock.advance(60_000);
    expect(await c.run('export', '--out', c.dir)).toBe(0);
    const second = c.out();
    expect(second).toContain('4 payments already exported in');
    expect(second).toContain('nothing written');
    expect(c.csvs()).toHaveLength(1);

    // Asked for explicitly: the same four, in a new batch that replaces the first.
    const firstBatch = path.basename(first!, '.csv');
    expect(await c.run('export', '--out', c.dir, '--again', firstBatch)).toBe(0);
    expect(c.out()).toContain(`replaces ${firstBatch}`);
    const csvs = c.csvs();
    expect(csvs).toHaveLength(2);
    const againFile = csvs.find((f) => f !== first)!;
    expect(panel.app.db.select().from(paymentBatches).all().map((b) => [b.count, b.againOf])).toEqual([
      [4, null],
      [4, firstBatch],
    ]);

    // The first file no longer matches: refused whole, nothing recorded, nobody told.
    expect(await c.run('mark-paid', first!)).toBe(1);
    expect(c.err()).toContain(`batch ${firstBatch} was exported again as ${path.basename(againFile, '.csv')}`);
    expect(panel.app.db.select().from(paymentRecords).all()).toHaveLength(0);
    expect(panel.app.db.select().from(outbox).where(eq(outbox.kind, 'system')).all().filter((r) => r.idempotencyKey.startsWith('compensation:paid'))).toHaveLength(0);

    expect(await c.run('mark-paid', againFile)).toBe(0);
    expect(c.out()).toContain('4 payments recorded');
    expect(await c.run('mark-paid', againFile)).toBe(0);
    expect(c.out()).toContain('4 already recorded before');
    expect(panel.app.db.select().from(paymentRecords).all()).toHaveLength(4);
    // Paid: nothing left to export, even with --again.
    expect(await c.run('export', '--out', c.dir, '--again', firstBatch)).toBe(2);
    expect(c.err()).toContain('no payment left unpaid');

    const audited = panel.app.db.select().from(auditLog).all().map((a) => a.action);
    expect(audited.filter((a) => a === 'compensation_export')).toHaveLength(2);
    expect(audited).toContain('compensation_mark_paid_refused');
    expect(audited.filter((a) => a === 'compensation_mark_paid')).toHaveLength(2);
  });

  it('mark-paid refuses a file it does not know, a line of another batch, and a file without a batch column', async () => {
    await paidPanel(2);
    const c = cli();
    await c.run('export', '--out', c.dir);
    const [file] = c.csvs();
    const text = fs.readFileSync(file!, 'utf8');
    const lines = text.trim().split('\n');

    const forged = path.join(c.dir, 'forged.csv');
    fs.writeFileSync(forged, text.replaceAll(path.basename(file!, '.csv'), 'PANEL-20270101T000000'));
    expect(await c.run('mark-paid', forged)).toBe(1);
    expect(c.err()).toContain('line 2: batch PANEL-20270101T000000 was not exported by panelbot');

    // Another person's claim, confirmed later and exported in a second batch, pasted into the first file.
    const [late] = confirmedCohort(panel, 1, 32);
    for (const [eventId, day] of DAYS) panel.app.db.insert(attendance).values({ personId: late!.id, eventId, day, checkedInAt: new Date(`${day}T09:15:00+01:00`) }).run();
    panel.app.db.$client.prepare("UPDATE people SET language = 'en' WHERE id = ?").run(late!.id);
    panel.clock.advance(3_600_000);
    planCompensation(panel.app.services, panel.clock.now());
    await sendDue(panel);
    late!.user.says('Lena Hollander');
    late!.user.says('NL91ABNA0417164300');
    late!.user.says('Yes, correct');
    await c.run('export', '--out', c.dir);
    expect(c.out()).toContain('2 payments already exported in');
    const secondFile = c.csvs().find((f) => f !== file && !f.endsWith('forged.csv'))!;
    const lateLine = fs.readFileSync(secondFile, 'utf8').trim().split('\n')[1]!.replace(path.basename(secondFile, '.csv'), path.basename(file!, '.csv'));
    const mixed = path.join(c.dir, 'mixed.csv');
    fs.writeFileSync(mixed, [...lines, lateLine].join('\n'));
    expect(await c.run('mark-paid', mixed)).toBe(1);
    expect(c.err()).toMatch(/line 4: PANEL-\S+ belongs to batch PANEL-\S+, not PANEL-/);
    expect(panel.app.db.select().from(paymentRecords).all()).toHaveLength(0);

    const bare = path.join(c.dir, 'bare.csv');
    fs.writeFileSync(bare, `reference\n${lines[1]!.split(',')[0]}\n`);
    expect(await c.run('mark-paid', bare)).toBe(1);
    expect(c.err()).toContain('no "batch" column');
    // A subset of an exported file is fine: the bank executed only those lines.
    const subset = path.join(c.dir, 'subset.csv');
    fs.writeFileSync(subset, [lines[0], lines[1]].join('\n'));
    expect(await c.run('mark-paid', subset)).toBe(0);
    expect(c.out()).toContain('1 payment recorded');
  });
});

describe('erasure and "my data" tell the truth about money', () => {
  it('a paid person keeps only the accounting record, is told until when, and it goes after keepPaymentYears', async () => {
    const [ann, bob, cem] = await paidPanel(3);
    const c = cli();
    await c.run('export', '--out', c.dir);
    const [file] = c.csvs();
    // The bank executed only Ann's line so far; Bob's and Cem's payments are still in its hands.
    const lines = fs.readFileSync(file!, 'utf8').trim().split('\n');
    const annRef = `PANEL-P-T31-0`;
    fs.writeFileSync(file!, lines.filter((l, i) => i === 0 || l.startsWith(annRef)).join('\n'));
    panel.clock.set('2027-04-26T10:00:00+02:00');
    expect(await c.run('mark-paid', file!)).toBe(0);

    const mydata = ann!.user.says('my data');
    expect(mydata).toContain('This is what we keep about you');
    expect(mydata).toContain('Compensation: 320 EUR to Ann Peeters, account BE71 **** **** 6769: paid on');
    expect(mydata).toContain('until');
    const file0 = JSON.parse(ann!.user.last[0]!.attachment!.content as string);
    expect(file0.compensation).toMatchObject({ holder: 'Ann Peeters', iban: 'BE71096123456769', amount: 320 });

    ann!.user.says('delete me');
    const gone = ann!.user.says('Yes, delete everything');
    expect(gone).toContain('By accounting law, we must keep the record of your compensation payment');
    // The CLI stamps the payment with its own clock: the record is kept until ten years after that.
    const paidAt = panel.app.db.select().from(paymentRecords).get()!.paidAt;
    expect(gone).toContain(`until ${formatDate(new Date(new Date(paidAt).setUTCFullYear(paidAt.getUTCFullYear() + 10)), 'en', 'Europe/Brussels')}.`);
    expect(panel.app.db.select().from(compensationClaims).where(eq(compensationClaims.personId, ann!.id)).get()).toBeUndefined();
    expect(panel.app.db.select().from(paymentRecords).all().map((r) => [r.holder, r.iban])).toEqual([['Ann Peeters', 'BE71096123456769']]);

    // Bob: in a payment file, not yet recorded as paid.
    expect(bob!.user.says('my data')).toContain('in a payment order to the bank, not paid yet');
    bob!.user.says('delete me');
    expect(bob!.user.says('Yes, delete everything')).toContain('until the payment is recorded. Then accounting law requires us to keep them for 10 years after the payment date');
    expect(panel.app.db.select().from(compensationClaims).where(eq(compensationClaims.personId, bob!.id)).get()).toMatchObject({ holder: 'Bob Jansen' });
    // The bank executes it: the record stays, the claim goes, and the erased person is not messaged.
    const bobFile = path.join(c.dir, 'bob.csv');
    fs.writeFileSync(bobFile, [lines[0], lines.find((l) => l.startsWith('PANEL-P-T31-1'))].join('\n'));
    expect(await c.run('mark-paid', bobFile)).toBe(0);
    expect(panel.app.db.select().from(compensationClaims).where(eq(compensationClaims.personId, bob!.id)).get()).toBeUndefined();
    expect(panel.app.db.select().from(outbox).where(eq(outbox.idempotencyKey, `compensation:paid:${bob!.id}`)).get()).toBeUndefined();
    expect(panel.app.db.select().from(paymentRecords).all()).toHaveLength(2);

    // Records are erased once the keeping period is over, not a day before.
    const config = panel.app.services.config;
    const tenYears = (days: number) => new Date(new Date(paidAt).setUTCFullYear(paidAt.getUTCFullYear() + 10) + days * 86_400_000);
    expect(purgeExpiredPaymentRecords(panel.app.db, config, tenYears(-1))).toBe(0);
    expect(purgeExpiredPaymentRecords(panel.app.db, config, tenYears(1))).toBe(2);
    expect(cem!.user.says('my data')).toContain('in a payment order to the bank');
  });

  it('bank details not yet exported: the question warns, the answer says the compensation cannot be paid', async () => {
    const [ann] = await paidPanel(1);
    expect(ann!.user.says('my data')).toContain('recorded, not paid yet');
    expect(ann!.user.says('delete me')).toContain('the compensation can then no longer be paid');
    expect(ann!.user.says('Yes, delete everything')).toContain('and your bank details too. So the compensation can no longer be paid');
    expect(panel.app.db.select().from(compensationClaims).all()).toHaveLength(0);
  });

  it('"my data" is true for a withdrawn and a not eligible person', () => {
    panel = testPanel({ now: '2027-01-20T10:00:00+01:00' });
    const [wim, ina] = confirmedCohort(panel, 2, 33);
    panel.app.db.$client.prepare("UPDATE people SET language = 'en'").run();
    wim!.user.says('withdraw');
    wim!.user.says('Yes, withdraw');
    const w = wim!.user.says('my data');
    expect(w).toContain('You have withdrawn from the panel. We still keep your registration until');
    expect(w).toContain('First0');
    expect(w).not.toContain('We have no registration');
    // Only what still works: the file and how to erase, not 'correct' or 'withdraw'.
    expect(w).toContain('The attached file holds all your data.');
    expect(w).toContain('Type "delete me" to erase it now');
    expect(w).not.toContain('type "withdraw"');
    expect(w).not.toContain('type "correct"');
    expect(wim!.user.says('correct')).toContain('You cannot change your answers here any more');

    panel.app.db.update(registrations).set({ status: 'ineligible', ineligibleReason: 'excluded_diplomat', firstName: null, lastName: null, birthDate: null, phone: null, email: null }).where(eq(registrations.personId, ina!.id)).run();
    const i = ina!.user.says('my data');
    expect(i).toContain('could not take part in this panel');
    expect(i).not.toContain('We have no registration');
    const held = JSON.parse(ina!.user.last[0]!.attachment!.content as string);
    expect(held.registration).toMatchObject({ status: 'ineligible', firstName: null });
  });
});
