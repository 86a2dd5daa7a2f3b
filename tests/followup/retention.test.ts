// Retention: six months after the closing ceremony, personal data goes; what payments legally
// require stays apart, and the questionnaire answers stay, now belonging to nobody.
import { eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { confirmedCohort, MOMENTS, sendDue } from './helpers';
import { planSurveys } from '../../src/core/followup/plan-surveys';
import { planCompensation, markPaid } from '../../src/core/compensation/compensation';
import { buildPaymentBatch, recordExport } from '../../src/core/compensation/payment-file';
import { retentionDue, runRetention } from '../../src/core/privacy/retention';
import {
  alerts,
  attendance,
  compensationClaims,
  conversations,
  identities,
  invitations,
  paymentRecords,
  people,
  registrations,
  surveyAnswers,
  surveyKeys,
  tickets,
} from '../../src/db/schema/index';

let panel: TestPanel;
afterEach(() => panel?.close());

const count = (p: TestPanel, table: SQLiteTable) => p.app.db.select().from(table).all().length;

describe('retention', () => {
  it('erases personal data at the panel end plus the period, and keeps payments and anonymous answers', async () => {
    panel = testPanel({ now: MOMENTS.pre });
    const [ann, bob] = confirmedCohort(panel, 2, 31);
    const db = panel.app.db;
    db.$client.prepare("UPDATE people SET language = 'en'").run();

    // Ann answers the first questionnaire, asks the helpline a question, attends, and is paid.
    planSurveys(panel.app.services, panel.clock.now());
    await sendDue(panel);
    ann!.user.says('Start now');
    ann!.user.says('4');
    ann!.user.says('5');
    bob!.user.says('Start now');
    bob!.user.says('2');
    ann!.user.says('cancel');
    const asked = ann!.user.says('Could someone call me back about my situation please?');
    expect(asked, asked).toContain('reference');
    for (const [eventId, day] of [['weekend-1', '2027-02-20'], ['weekend-1', '2027-02-21'], ['weekend-2', '2027-03-20'], ['weekend-2', '2027-03-21'], ['weekend-3', '2027-04-17'], ['weekend-3', '2027-04-18']] as const) {
      db.insert(attendance).values({ personId: ann!.id, eventId, day, checkedInAt: new Date(`${day}T09:00:00Z`) }).run();
    }
    panel.clock.set(MOMENTS.compensation);
    planCompensation(panel.app.services, panel.clock.now());
    await sendDue(panel);
    ann!.user.says('Ann Peeters');
    ann!.user.says('BE71 0961 2345 6769');
    ann!.user.says('Yes, correct');
    const batch = buildPaymentBatch(db, panel.app.services.config, panel.clock.now());
    recordExport(db, batch, panel.clock.now());
    markPaid(db, batch.references.map((reference, i) => ({ reference, batch: batch.batch, line: i + 2 })), panel.clock.now());

    expect(count(panel, tickets)).toBe(1);
    expect(count(panel, surveyAnswers)).toBe(3);
    const answersBefore = db.select().from(surveyAnswers).all();
    const invitationsBefore = db.select().from(invitations).all();

    // Not yet: one minute before the due moment nothing is touched, and a dry run changes nothing.
    expect(retentionDue(panel.app.db, panel.app.services.config).toISOString()).toBe(new Date(MOMENTS.retention).toISOString());
    const early = runRetention(panel.app.services, new Date(Date.parse(MOMENTS.retention) - 60_000));
    expect(early).toMatchObject({ ran: false, people: 0 });
    expect(runRetention(panel.app.services, new Date(MOMENTS.retention), { dryRun: true })).toMatchObject({ ran: false, people: 2 });
    expect(count(panel, identities)).toBe(2);

    const result = runRetention(panel.app.services, new Date(MOMENTS.retention));
    expect(result).toMatchObject({ ran: true, people: 2, unpaidClaims: 0 });

    // Erased: identities, conversations, helpline tickets, survey keys, bank details, attendance.
    for (const table of [identities, conversations, tickets, surveyKeys, compensationClaims, attendance]) expect(count(panel, table)).toBe(0);
    const reg = db.select().from(registrations).where(eq(registrations.personId, ann!.id)).get()!;
    expect(reg).toMatchObject({ firstName: null, lastName: null, birthDate: null, phone: null, email: null, postcode: null, nationality: null });
    expect(db.select().from(people).all().map((p) => p.status)).toEqual(['erased', 'erased']);

    // Kept: the registration's non-personal columns, the payment record, the answers, the letters.
    expect(reg).toMatchObject({ selection: 'selected', participation: 'confirmed' });
    expect(db.select().from(paymentRecords).all().map((r) => [r.holder, r.iban, r.amountCents])).toEqual([['Ann Peeters', 'BE71096123456769', 32000]]);
    expect(db.select().from(surveyAnswers).all()).toEqual(answersBefore);
    expect(db.select().from(invitations).all().length).toBe(invitationsBefore.length);
    expect(db.select().from(alerts).all().map((a) => a.kind)).toContain('retention_erased');

    // Running again finds nobody left.
    expect(runRetention(panel.app.services, new Date(MOMENTS.retention))).toMatchObject({ ran: true, people: 0 });
    // A person who writes afterwards is a stranger: no answer can be tied back.
    expect(ann!.user.says('hello')).not.toContain('Ann');
  });
});
