// A whole panel through time with the injected clock: letters, registrations before, during and
// after the window, the draw, confirmations and a decline, an event moved, reminders and check-ins
// on every day, questionnaires, compensation, the final report and retention. After each phase the
// invariants hold: nothing sent before its time or after its expiry, nothing twice, every message
// in the person's language, the numbers add up, and no message promises a date already past.
import { afterAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { testPanel, type TestPanel, type TestUser } from '../helpers/chat';
import { ENGLISH_ANSWERS } from '../helpers/register';
import { seedCohort } from '../helpers/cohort';
import { RecordingSender } from '../scheduling/helpers';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { renderPayload } from '../../src/core/outbox/render';
import { renderPlain } from '../../src/bots/render-text';
import { planReminders } from '../../src/core/reminders/plan-reminders';
import { followUpTick } from '../../src/core/followup/tick';
import { moveEvent } from '../../src/core/panel/move-event';
import { panelCalendar } from '../../src/core/panel/calendar';
import { organiserCheckIn } from '../../src/core/attendance/organiser-checkin';
import { recordDraw } from '../../src/core/selection/record-draw';
import { eligiblePool } from '../../src/db/repos/pool';
import { computeStats } from '../../src/core/organisers/stats';
import { retentionDue } from '../../src/core/privacy/retention';
import { outbox, people, registrations } from '../../src/db/schema/index';
import type { Language } from '../../src/core/panel/config';

const HOUR = 3_600_000;
let panel: TestPanel;
afterAll(() => panel?.close());

describe('a panel from the letters to retention', () => {
  it('keeps its promises at every phase', async () => {
    panel = testPanel({ now: '2027-01-05T10:00:00+01:00' });
    const { db } = panel.app;
    const services = panel.app.services;
    const platform = new RecordingSender(panel.clock);
    const dispatcher = new Dispatcher({ services, senders: [platform] });
    const codes = panel.invite(300, 'nl');

    /** What the scheduler does at each tick. */
    const tick = async () => {
      planReminders(services, panel.clock.now());
      followUpTick(services, panel.clock.now());
      await dispatcher.tick();
    };
    const runUntil = async (iso: string, stepHours = 1) => {
      const end = new Date(iso).getTime();
      while (panel.clock.now().getTime() < end) {
        panel.clock.set(new Date(Math.min(end, panel.clock.now().getTime() + stepHours * HOUR)));
        await tick();
      }
    };

    /** The invariants, checked after each phase. */
    const checkInvariants = (phase: string) => {
      const sent = db.select().from(outbox).where(eq(outbox.status, 'sent')).all();
      // Nothing twice: one delivery per sent row; nothing before its time or after its expiry.
      const toPeople = platform.delivered.length;
      expect(toPeople, phase).toBe(sent.length);
      for (const row of sent) {
        expect(row.sentAt!.getTime(), `${phase}: ${row.idempotencyKey} early`).toBeGreaterThanOrEqual(row.dueAt.getTime());
        if (row.expiresAt) expect(row.sentAt!.getTime(), `${phase}: ${row.idempotencyKey} late`).toBeLessThanOrEqual(row.expiresAt.getTime());
        // No date promised in the past.
        const payload = JSON.parse(row.payload) as { template?: { params?: Record<string, unknown> } };
        for (const v of Object.values(payload.template?.params ?? {})) {
          const date = (v as { $date?: string })?.$date;
          if (date) expect(new Date(date).getTime(), `${phase}: ${row.idempotencyKey} promises a past date`).toBeGreaterThanOrEqual(row.sentAt!.getTime() - 12 * HOUR);
        }
      }
      // Every message in the person's language (rendered again from the row, compared with what arrived).
      const langs = new Map(db.select({ id: people.id, lng: people.language }).from(people).all().map((p) => [p.id, p.lng]));
      const byRowText = new Map<string, number>();
      for (const row of sent) {
        const lng = (langs.get(row.personId!) ?? 'fr') as Language;
        const text = renderPlain(renderPayload(JSON.parse(row.payload), lng, services.i18n, services.config.panel.timezone));
        byRowText.set(text, (byRowText.get(text) ?? 0) + 1);
      }
      for (const d of platform.delivered) expect(byRowText.has(d.text), `${phase}: not in the person's language: ${d.text.slice(0, 60)}`).toBe(true);
    };

    // Before the window: three people with their letters are told the opening date; nobody registers.
    const early = ['early-0', 'early-1', 'early-2'].map((id) => panel.user(id));
    for (const [i, u] of early.entries()) {
      u.says('English');
      expect(u.says(codes[i]!)).toContain('Registration opens on Tuesday, 12 January 2027');
    }
    await tick();
    expect(db.select().from(registrations).all()).toHaveLength(0);
    expect(platform.delivered).toHaveLength(0);
    checkInvariants('before the window');

    // The window opens: the early ones are told once; 24 register in the chat, 150 more are in the store.
    await runUntil('2027-01-12T09:00:00+01:00', 24);
    expect(platform.delivered.map((d) => d.userId).sort()).toEqual(['early-0', 'early-1', 'early-2']);
    const chatters: TestUser[] = [];
    for (let i = 0; i < 24; i++) {
      const u = panel.user(`chat-${i}`);
      for (const a of ENGLISH_ANSWERS(codes[10 + i]!)) u.says(a);
      expect(u.last.map((o) => o.text).join(), `chat-${i}`).toContain('The draw takes place on Monday, 1 February 2027');
      chatters.push(u);
    }
    seedCohort(db, 150, panel.clock.now(), 5);
    checkInvariants('registration');

    // After the window: closed, nothing registered, no draw date.
    await runUntil('2027-02-01T08:00:00+01:00', 24);
    const late = panel.user('late');
    late.says('English');
    const closed = late.says(codes[200]!);
    expect(closed).toContain('Registration for this panel is closed');
    expect(closed).not.toContain('draw');
    const registered = db.select().from(registrations).where(eq(registrations.status, 'registered')).all().length;
    expect(registered).toBe(174);

    // The draw: 60 selected (the 24 chatters among them), 10 reserves; everyone told in their language.
    const pool = eligiblePool(db).map((m) => m.personId);
    const selected = pool.slice(0, 60);
    const reserves = pool.slice(60, 70);
    recordDraw(db, pool, { source: 'test', selected, reserves, reserveMethod: 'reserves_file', reserveSeed: null }, panel.clock.now());
    await runUntil('2027-02-01T12:00:00+01:00');
    const stats = computeStats(db, services.config);
    expect(stats.registrations).toBe(174);
    expect(Object.values(stats.selection).reduce((a, b) => a + b, 0)).toBe(stats.registrations);
    expect(stats.selection.selected).toBe(60);
    checkInvariants('the draw');

    // Confirmations (the store), one decline.
    db.update(registrations).set({ participation: 'confirmed' }).where(inArray(registrations.personId, selected.slice(1))).run();
    db.update(registrations).set({ participation: 'declined' }).where(eq(registrations.personId, selected[0]!)).run();

    // Weekend 2 moves a week later: those expected are told.
    const before = platform.delivered.length;
    const moved = moveEvent(services, 'weekend-2', new Date('2027-03-27T09:30:00+01:00'), new Date('2027-03-28T17:00:00+01:00'), panel.clock.now());
    expect(moved.told).toBe(59);
    for (let i = 0; i < 3; i++) await tick();
    expect(platform.delivered.length - before).toBeGreaterThanOrEqual(59);

    // Through the panel: check-ins on every event day, hour by hour on those days.
    const calendar = panelCalendar(db, services.config);
    const pseudonyms = db.select({ p: people.pseudonym }).from(people).where(inArray(people.id, selected.slice(1))).all().map((r) => r.p);
    for (const event of calendar.chronological()) {
      for (const day of calendar.days(event)) {
        await runUntil(`${day}T06:00:00Z`, 6);
        await runUntil(`${day}T10:00:00Z`, 1);
        if (event.kind === 'weekend' || event.kind === 'ceremony') for (const p of pseudonyms) organiserCheckIn(services, { eventId: event.id, pseudonym: p, day, actor: 'test' });
        // The final report is not out while the panel goes on.
        expect(platform.delivered.some((d) => d.text.includes('final report')), day).toBe(false);
      }
    }
    checkInvariants('the panel days');

    // After: questionnaires, compensation, the report once the ceremony is over.
    await runUntil('2027-06-01T12:00:00+02:00', 6);
    const keys = db.select({ k: outbox.idempotencyKey, s: outbox.status }).from(outbox).all();
    expect(keys.filter((k) => k.k.startsWith('survey:pre:')).length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.k.startsWith('survey:post:')).length).toBeGreaterThan(0);
    // Checked in on every weekend day, the 59 confirmed are asked for their bank details, once each.
    expect(keys.filter((k) => k.k.startsWith('compensation:ask:')).length).toBe(59);
    const reports = db.select().from(outbox).where(eq(outbox.status, 'sent')).all().filter((r) => r.idempotencyKey.startsWith('report:'));
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(r.sentAt!.getTime()).toBeGreaterThanOrEqual(calendar.end().getTime());
    checkInvariants('after the panel');

    // Retention from the effective end.
    const due = retentionDue(db, services.config);
    panel.clock.set(new Date(due.getTime() - HOUR));
    expect(followUpTick(services, panel.clock.now()).erased).toBe(0);
    panel.clock.set(due);
    expect(followUpTick(services, panel.clock.now()).erased).toBeGreaterThan(0);
  }, 300_000);
});
