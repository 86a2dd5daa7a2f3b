// The compensation: who is entitled (checked in every weekend day), bank details by chat with a
// checked IBAN, the payment files (CSV and pain.001), and telling each person once paid.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { confirmedCohort, MOMENTS, sendDue, type Participant } from './helpers';
import { checkIban, maskIban } from '../../src/core/compensation/iban';
import { entitledPeople, markPaid, planCompensation } from '../../src/core/compensation/compensation';
import { buildPaymentBatch, recordExport } from '../../src/core/compensation/payment-file';
import { attendance, compensationClaims, outbox, paymentRecords } from '../../src/db/schema/index';
import { toCsv } from '../../src/cli/csv';
import { runCli } from '../../src/cli/index';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

const WEEKEND_DAYS: Array<[string, string]> = [
  ['weekend-1', '2027-02-20'],
  ['weekend-1', '2027-02-21'],
  ['weekend-2', '2027-03-20'],
  ['weekend-2', '2027-03-21'],
  ['weekend-3', '2027-04-17'],
  ['weekend-3', '2027-04-18'],
];

function checkIn(p: TestPanel, who: Participant, days = WEEKEND_DAYS) {
  for (const [eventId, day] of days) {
    p.app.db.insert(attendance).values({ personId: who.id, eventId, day, answer: 'yes', checkedInAt: new Date(`${day}T09:15:00+01:00`) }).run();
  }
}

describe('IBAN checks', () => {
  it('accepts a valid Belgian IBAN typed with spaces or in lower case', () => {
    expect(checkIban('BE71 0961 2345 6769')).toEqual({ ok: true, iban: 'BE71096123456769' });
    expect(checkIban('be71096123456769')).toEqual({ ok: true, iban: 'BE71096123456769' });
  });
  it('rejects a checksum error', () => {
    expect(checkIban('BE72 0961 2345 6769')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkIban('NL92ABNA0417164300')).toEqual({ ok: false, reason: 'checksum' });
  });
  it('accepts valid IBANs of other SEPA countries, and refuses others', () => {
    expect(checkIban('NL91 ABNA 0417 1643 00')).toEqual({ ok: true, iban: 'NL91ABNA0417164300' });
    expect(checkIban('DE89 3704 0044 0532 0130 00')).toEqual({ ok: true, iban: 'DE89370400440532013000' });
    expect(checkIban('BR1800360305000010009795493C1')).toEqual({ ok: false, reason: 'not_sepa' });
  });
  it('rejects what is not an IBAN', () => {
    expect(checkIban('0961234567')).toEqual({ ok: false, reason: 'format' });
    expect(checkIban('my account')).toEqual({ ok: false, reason: 'format' });
  });
  it('masks for organisers', () => {
    expect(maskIban('BE71096123456769')).toBe('BE71 **** **** 6769');
    expect(maskIban('NL91ABNA0417164300')).toBe('NL91 **** **** **** 4300');
  });
});

describe('compensation', () => {
  it('asks the entitled, checks the IBAN, writes pain.001 and CSV, and tells each person when paid', async () => {
    panel = testPanel({ now: '2027-04-18T18:00:00+02:00' });
    const cohort = confirmedCohort(panel, 5, 21);
    const [ann, bob, cem, dirk, eva] = cohort as [Participant, Participant, Participant, Participant, Participant];
    panel.app.db.$client.prepare("UPDATE people SET language = 'en'").run();
    checkIn(panel, ann);
    checkIn(panel, bob);
    checkIn(panel, cem, WEEKEND_DAYS.slice(0, 5)); // missed the last Sunday
    checkIn(panel, eva);
    // Dirk said yes to every day but never checked in: intentions are not presence.
    for (const [eventId, day] of WEEKEND_DAYS) panel.app.db.insert(attendance).values({ personId: dirk.id, eventId, day, answer: 'yes' }).run();

    expect(entitledPeople(panel.app.db, panel.app.services.config).sort()).toEqual([ann.id, bob.id, eva.id].sort());
    expect(planCompensation(panel.app.services, panel.clock.now())).toBe(0); // not before the moment
    panel.clock.set(MOMENTS.compensation);
    expect(planCompensation(panel.app.services, panel.clock.now())).toBe(3);
    expect(planCompensation(panel.app.services, panel.clock.now())).toBe(0);
    const ask = panel.app.db.select().from(outbox).where(eq(outbox.personId, ann.id)).get()!;
    // The question goes on the conversation when the message is sent (the outbox's push).
    expect(JSON.parse(ask.payload)).toEqual({ template: { key: 'compensation:ask', params: { amount: 320, currency: 'EUR' } }, push: { flow: 'compensation', step: 'holder', data: {} } });
    expect(await sendDue(panel)).toBe(3);
    expect(panel.app.services.i18n.t('en', 'compensation:ask', { amount: 320, currency: 'EUR' })).toContain("account holder's name?");

    // Ann: a typo first, then a valid Belgian IBAN.
    expect(ann.user.says('Ann Peeters')).toContain('IBAN');
    expect(ann.user.says('BE72 0961 2345 6769')).toContain('typing mistake');
    expect(ann.user.says('BE71 0961 2345 6769')).toContain('• IBAN: BE71 0961 2345 6769');
    expect(ann.user.says('Yes, correct')).toContain('bank details are recorded');

    // Bob: banks in the Netherlands, and corrects his name.
    expect(bob.user.says('12345')).toContain("account holder's name");
    bob.user.says('Bob Jansen');
    bob.user.says('NL91ABNA0417164300');
    expect(bob.user.says('No, change')).toContain('name on the account');
    bob.user.says('Bob Jänssen');
    bob.user.says('NL91ABNA0417164300');
    bob.user.says('1');
    // Eva does not answer (yet).

    const claims = panel.app.db.select().from(compensationClaims).all();
    expect(claims.map((c) => [c.holder, c.iban, c.amountCents])).toEqual([
      ['Ann Peeters', 'BE71096123456769', 32000],
      ['Bob Jänssen', 'NL91ABNA0417164300', 32000],
    ]);

    const batch = buildPaymentBatch(panel.app.db, panel.app.services.config, panel.clock.now());
    expect(batch.count).toBe(2);
    expect(batch.totalCents).toBe(64000);

    // The bank file parses as XML, and its counts and sums match the payments.
    const doc = new DOMParser().parseFromString(batch.xml, 'text/xml');
    const text = (parent: { getElementsByTagName(n: string): ArrayLike<{ textContent: string | null }> }, tag: string) =>
      Array.from(parent.getElementsByTagName(tag)).map((e) => e.textContent);
    expect(doc.documentElement!.getAttribute('xmlns')).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    const header = doc.getElementsByTagName('GrpHdr')[0]!;
    expect(text(header, 'NbOfTxs')).toEqual(['2']);
    expect(text(header, 'CtrlSum')).toEqual(['640.00']);
    const transfers = Array.from(doc.getElementsByTagName('CdtTrfTxInf'));
    expect(transfers).toHaveLength(2);
    const amounts = transfers.map((t) => Number(text(t, 'InstdAmt')[0]));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(640);
    expect(transfers.map((t) => text(t, 'IBAN')[0]).sort()).toEqual(['BE71096123456769', 'NL91ABNA0417164300']);
    // SEPA's character set: the umlaut is transliterated for the bank.
    expect(transfers.flatMap((t) => text(t, 'Nm'))).toContain('Bob Janssen');
    const debtor = doc.getElementsByTagName('DbtrAcct')[0]!;
    expect(text(debtor, 'IBAN')).toEqual(['BE68539007547034']);

    // The CSV overview masks the accounts.
    const csv = toCsv(batch.csv.header, batch.csv.rows);
    expect(csv).toContain('BE71 **** **** 6769');
    expect(csv).not.toContain('BE71096123456769');

    recordExport(panel.app.db, batch, panel.clock.now());
    // Once exported, the details can no longer be changed by chat.
    const locked = panel.app.db.select({ exportedAt: compensationClaims.exportedAt }).from(compensationClaims).all();
    expect(locked.every((c) => c.exportedAt !== null)).toBe(true);

    panel.clock.set('2027-04-26T10:00:00+02:00');
    const lines = batch.references.map((reference, i) => ({ reference, batch: batch.batch, line: i + 2 }));
    // A reference panelbot never exported makes the whole file refused: nothing is recorded.
    const refused = markPaid(panel.app.db, [...lines, { reference: 'PANEL-UNKNOWN', batch: batch.batch, line: 4 }], panel.clock.now());
    expect(refused).toEqual({ paid: [], alreadyPaid: [], problems: ['line 4: PANEL-UNKNOWN is not a payment panelbot knows'] });
    expect(panel.app.db.select().from(paymentRecords).all()).toHaveLength(0);
    const result = markPaid(panel.app.db, lines, panel.clock.now());
    expect(result.paid).toHaveLength(2);
    expect(markPaid(panel.app.db, lines, panel.clock.now()).alreadyPaid).toHaveLength(2);

    const told = panel.app.db.select().from(outbox).where(eq(outbox.idempotencyKey, `compensation:paid:${ann.id}`)).all();
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.payload).template.key).toBe('compensation:paid');
    const records = panel.app.db.select().from(paymentRecords).all();
    expect(records.map((r) => [r.holder, r.iban, r.amountCents, r.batch])).toEqual([
      ['Ann Peeters', 'BE71096123456769', 32000, batch.batch],
      ['Bob Jänssen', 'NL91ABNA0417164300', 32000, batch.batch],
    ]);
    // Nothing left to pay: the next export is empty.
    expect(buildPaymentBatch(panel.app.db, panel.app.services.config, panel.clock.now()).count).toBe(0);
  });
});

describe('compensation from the command line', () => {
  it('exports the files with owner-only permissions and marks the CSV paid', async () => {
    panel = testPanel({ now: MOMENTS.compensation });
    const [ann] = confirmedCohort(panel, 1, 23);
    panel.app.db.$client.prepare("UPDATE people SET language = 'fr'").run();
    checkIn(panel, ann!);
    planCompensation(panel.app.services, panel.clock.now());
    await sendDue(panel);
    ann!.user.says('Anne Lefèvre');
    ann!.user.says('BE71 0961 2345 6769');
    expect(ann!.user.says('1')).toContain('nous avons noté vos coordonnées bancaires');

    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-pay-'));
    expect(await runCli(['--db', panel.dbPath, 'compensation', 'export', '--out', dir])).toBe(0);
    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const csvFile = path.join(dir, files.find((f) => f.endsWith('.csv'))!);
    const xmlFile = path.join(dir, files.find((f) => f.endsWith('.xml'))!);
    expect(fs.statSync(xmlFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(csvFile, 'utf8')).toContain('Anne Lefèvre,BE71 **** **** 6769,320.00,EUR');
    expect(out.join('')).toContain('1 payment, 320.00 EUR');

    expect(await runCli(['--db', panel.dbPath, 'compensation', 'mark-paid', csvFile])).toBe(0);
    expect(out.join('')).toContain('1 payment recorded');
    const reopened = panel.reopen();
    panel = reopened;
    expect(panel.app.db.select().from(paymentRecords).all()).toHaveLength(1);
    const paid = panel.app.db.select().from(outbox).where(eq(outbox.idempotencyKey, `compensation:paid:${ann!.id}`)).get()!;
    expect(panel.app.services.i18n.t('fr', JSON.parse(paid.payload).template.key, JSON.parse(paid.payload).template.params)).toContain('320 EUR a été versé');
  });
});
