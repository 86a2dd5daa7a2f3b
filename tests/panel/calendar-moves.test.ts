// One calendar: each event in turn is moved six weeks later, and everything that depends on the
// panel's dates follows it: reminders, the follow-up moments (questionnaires, the bank-details
// question), compensation under all_days, helpline urgency on event days, retention, the age
// reference of the draw, logistics days, and the texts that show the dates.
import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { confirmedCohort } from '../followup/helpers';
import { attendance, outbox, registrations, tickets } from '../../src/db/schema/index';
import { moveEvent } from '../../src/core/panel/move-event';
import { addDays, panelCalendar, type ScheduledEvent } from '../../src/core/panel/calendar';
import { planReminders } from '../../src/core/reminders/plan-reminders';
import { planSurveys, surveyIdempotencyKey } from '../../src/core/followup/plan-surveys';
import { entitledPeople, planCompensation } from '../../src/core/compensation/compensation';
import { retentionDue, runRetention } from '../../src/core/privacy/retention';
import { computeLogistics } from '../../src/core/needs/logistics';
import { computeStats } from '../../src/core/organisers/stats';
import { formatDate, localDate, zonedInstant } from '../../src/core/panel/time';

const TZ = 'Europe/Brussels';
const SHIFT_DAYS = 42; // six weeks: same weekdays, and no moved event lands on another's day
const EVENTS = ['info-1', 'info-2', 'weekend-1', 'weekend-2', 'weekend-3', 'ceremony'];

let panel: TestPanel;
afterEach(() => panel?.close());

const shift = (d: Date) => new Date(d.getTime() + SHIFT_DAYS * 86_400_000);
const at = (day: string, hour: number) => zonedInstant(day, hour, 0, TZ);

/** What the calendar should be after the move, computed here from the configured dates alone. */
function expected(before: ScheduledEvent[], moved: string) {
  const events = before.map((e) => (e.id === moved ? { ...e, startAt: shift(e.startAt), endAt: shift(e.endAt) } : e));
  const weekends = events.filter((e) => e.kind === 'weekend');
  const firstWeekendDay = localDate(new Date(Math.min(...weekends.map((e) => e.startAt.getTime()))), TZ);
  const lastWeekendDay = localDate(new Date(Math.max(...weekends.map((e) => e.endAt.getTime()))), TZ);
  const end = new Date(Math.max(...events.map((e) => e.endAt.getTime())));
  const firstDay = localDate(new Date(Math.min(...events.map((e) => e.startAt.getTime()))), TZ);
  return { events, firstWeekendDay, lastWeekendDay, end, firstDay };
}

function days(e: { startAt: Date; endAt: Date }): string[] {
  const out: string[] = [];
  for (let d = localDate(e.startAt, TZ); d <= localDate(e.endAt, TZ); d = addDays(d, 1)) out.push(d);
  return out;
}

describe.each(EVENTS)('moving %s six weeks later', (eventId) => {
  it('moves every consumer of the calendar with it', () => {
    panel = testPanel({ now: '2027-01-20T10:00:00+01:00' });
    const db = panel.app.db;
    const { config } = panel.app.services;
    const [ann, bob, cas, dan, eve] = confirmedCohort(panel, 5, 11);
    db.$client.prepare("UPDATE people SET language = 'en'").run();
    // Eve turns 25 on the day six weeks after the configured first day: her age band depends on it.
    const before = [...panelCalendar(db, config).events];
    const configuredFirstDay = panelCalendar(db, config).firstDay();
    const eveBirth = `${Number(addDays(configuredFirstDay, SHIFT_DAYS).slice(0, 4)) - 25}${addDays(configuredFirstDay, SHIFT_DAYS).slice(4)}`;
    db.update(registrations).set({ birthDate: eveBirth }).where(eq(registrations.personId, eve!.id)).run();

    planReminders(panel.app.services, panel.clock.now());
    const original = before.find((e) => e.id === eventId)!;
    moveEvent(panel.app.services, eventId, shift(original.startAt), shift(original.endAt), panel.clock.now());
    const want = expected(before, eventId);
    const movedEvent = want.events.find((e) => e.id === eventId)!;

    // Reminders: only the new date's are pending.
    const rows = db.select().from(outbox).where(like(outbox.idempotencyKey, `reminder:%:${eventId}:%`)).all();
    expect(rows.filter((r) => r.status === 'pending').length).toBeGreaterThan(0);
    for (const r of rows.filter((r) => r.status === 'pending')) expect(r.idempotencyKey.endsWith(`:v${movedEvent.startAt.getTime()}`)).toBe(true);
    for (const r of rows.filter((r) => r.idempotencyKey.endsWith(`:v${original.startAt.getTime()}`))) expect(r.status).toBe('cancelled');

    // The texts that show dates: the FAQ's list of dates and the registration's.
    const newDate = formatDate(movedEvent.startAt, 'en', TZ);
    const oldDate = formatDate(original.startAt, 'en', TZ);
    const faq = ann!.user.says('When are the panel days?');
    expect(faq).toContain(newDate);
    expect(faq).not.toContain(oldDate);
    const [code] = panel.invite(1, 'nl');
    const newcomer = panel.user('newcomer');
    newcomer.says('English');
    const about = newcomer.says(code!);
    expect(about).toContain(newDate);
    expect(about).not.toContain(oldDate);

    // Logistics counts the new days.
    if (movedEvent.place) expect(computeLogistics(db, config, eventId)!.days.map((d) => d.day)).toEqual(days(movedEvent));

    // The draw's age reference: the panel's (effective) first day.
    const ageBands = computeStats(db, config).features.age;
    const eveBandShouldBe = want.firstDay >= addDays(configuredFirstDay, SHIFT_DAYS) ? '25-64' : '16-24';
    expect(ageBands.find((b) => b.value === eveBandShouldBe)!.count).toBeGreaterThan(0);
    if (eventId === 'info-1') expect(want.firstDay).toBe(addDays(configuredFirstDay, 1));

    // Helpline: a question on the event's new day is urgent; on its old day it is not.
    panel.clock.set(at(days(movedEvent)[0]!, 11));
    bob!.user.says('My registration code letter was sent to my old address');
    panel.clock.set(at(days(original)[0]!, 11));
    cas!.user.says('My registration code letter was sent to my old address');
    const urgency = new Map(db.select().from(tickets).all().map((t) => [t.personId, t.urgent]));
    expect(urgency.get(bob!.id)).toBe(true);
    expect(urgency.get(cas!.id)).toBe(false);

    // Compensation (all_days): checked in on every effective weekend day is entitled; on the configured days is not, when a weekend moved.
    for (const e of want.events.filter((e) => e.kind === 'weekend')) for (const day of days(e)) db.insert(attendance).values({ personId: dan!.id, eventId: e.id, day, checkedInAt: at(day, 10) }).run();
    for (const e of before.filter((e) => e.kind === 'weekend')) for (const day of days(e)) db.insert(attendance).values({ personId: eve!.id, eventId: e.id, day, checkedInAt: at(day, 10) }).run();
    const entitled = entitledPeople(db, config);
    expect(entitled).toContain(dan!.id);
    expect(entitled.includes(eve!.id)).toBe(original.kind !== 'weekend');

    // Follow-up moments: "pre" 4 days before the first weekend at 18:00, "post" the day after the last, the bank details at 10:00.
    const pre = at(addDays(want.firstWeekendDay, -4), 18);
    const post = at(addDays(want.lastWeekendDay, 1), 18);
    const bank = at(addDays(want.lastWeekendDay, 1), 10);
    const queuedFor = (id: string) => db.select().from(outbox).where(eq(outbox.idempotencyKey, surveyIdempotencyKey(id, ann!.id))).all().length;
    planSurveys(panel.app.services, new Date(pre.getTime() - 60_000));
    expect(queuedFor('pre')).toBe(0);
    planSurveys(panel.app.services, pre);
    expect(queuedFor('pre')).toBe(1);
    planSurveys(panel.app.services, new Date(post.getTime() - 60_000));
    expect(queuedFor('post')).toBe(0);
    planSurveys(panel.app.services, post);
    expect(queuedFor('post')).toBe(1);
    expect(planCompensation(panel.app.services, new Date(bank.getTime() - 60_000))).toBe(0);
    expect(planCompensation(panel.app.services, bank)).toBe(entitled.length);

    // Retention: counted from the effective end.
    const due = retentionDue(db, config);
    expect(due.getTime() - want.end.getTime()).toBeGreaterThan(180 * 86_400_000);
    expect(due.getTime() - want.end.getTime()).toBeLessThan(186 * 86_400_000);
    expect(runRetention(panel.app.services, new Date(due.getTime() - 60_000)).ran).toBe(false);
    expect(runRetention(panel.app.services, due).ran).toBe(true);
  });
});
