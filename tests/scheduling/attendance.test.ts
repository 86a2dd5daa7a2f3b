// "Will you be there?": the answers, the alert on a "no", the seat offered to the reserve who
// resembles the person most, and check-in on the day.
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { alerts, attendance, outbox } from '../../src/db/schema/index';
import { schedulingPanel, type SchedulingPanel } from './helpers';

let panel: SchedulingPanel;
afterEach(() => panel?.close());

const says = (p: SchedulingPanel, user: string, text: string) =>
  p.app.engine
    .handle({ address: { channel: 'console', userId: user }, messageId: `${user}-${Math.random()}`, content: { kind: 'text', text } })
    .map((o) => o.text)
    .join('\n');

const answersOf = (p: SchedulingPanel, personId: number) =>
  p.app.db.select({ day: attendance.day, answer: attendance.answer }).from(attendance).where(eq(attendance.personId, personId)).all();

const alertsOf = (p: SchedulingPanel, kind: string) =>
  p.app.db.select().from(alerts).where(eq(alerts.kind, kind)).all().map((a) => JSON.parse(a.payload));

describe('attendance', () => {
  it('a yes to the weekend question is recorded for both days', async () => {
    panel = schedulingPanel({ now: '2027-02-13T09:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    await panel.runUntil('2027-02-13T10:00:00+01:00');
    expect(panel.platform.to('alice')[0]!.text).toContain('Will you be there?');
    expect(says(panel, 'alice', 'yes')).toContain('we look forward to seeing you at Weekend 1');
    expect(answersOf(panel, alice)).toEqual([
      { day: '2027-02-20', answer: 'yes' },
      { day: '2027-02-21', answer: 'yes' },
    ]);
    // The question is closed: what she types next is a question for the team again.
    expect(says(panel, 'alice', 'yes')).toContain('passed on to the team');
  });

  it('"not sure" is recorded and nobody is alerted', async () => {
    panel = schedulingPanel({ now: '2027-02-13T09:00:00+01:00' });
    const alice = panel.add({ user: 'alice', language: 'nl' });
    await panel.runUntil('2027-02-13T10:00:00+01:00');
    says(panel, 'alice', '3');
    expect(answersOf(panel, alice).map((a) => a.answer)).toEqual(['unsure', 'unsure']);
    expect(alertsOf(panel, 'attendance_declined')).toEqual([]);
  });

  it('a no alerts the organisers and offers the seat to the best-matching reserve, who takes it', async () => {
    panel = schedulingPanel({ now: '2027-02-13T09:00:00+01:00' });
    const bob = panel.add({ user: 'bob', language: 'fr', gender: 'man', birthDate: '1990-03-03', region: 'wallonia' });
    panel.add({ user: 'rita', selection: 'reserve', gender: 'woman', birthDate: '1990-03-03', region: 'wallonia' });
    const raf = panel.add({ user: 'raf', selection: 'reserve', gender: 'man', birthDate: '1988-01-01', region: 'wallonia' });
    panel.add({ user: 'rob', selection: 'reserve', gender: 'man', birthDate: '1950-01-01', region: 'flanders' });
    await panel.runUntil('2027-02-13T10:00:00+01:00');

    expect(says(panel, 'bob', 'non')).toContain("l'équipe est informée");
    expect(alertsOf(panel, 'attendance_declined')).toEqual([{ person: 'P-BOB', event: 'weekend-1', offeredTo: 'P-RAF' }]);
    // His other reminders for that weekend will not come.
    const bobsRows = panel.app.db.select().from(outbox).where(and(eq(outbox.personId, bob), eq(outbox.status, 'cancelled'))).all();
    expect(bobsRows.map((r) => r.skipReason)).toEqual(['declined_event', 'declined_event']);

    await panel.tick();
    const offer = panel.platform.to('raf');
    expect(offer).toHaveLength(1);
    expect(offer[0]!.text).toContain('a seat has become free for Weekend 1');
    expect(says(panel, 'raf', 'yes')).toContain('getting to know the topic is yours');
    expect(alertsOf(panel, 'seat_accepted')).toEqual([{ person: 'P-RAF', event: 'weekend-1' }]);
    expect(answersOf(panel, raf).map((a) => a.answer)).toEqual(['yes', 'yes']);

    // From now on Raf gets the weekend's reminders, Bob does not.
    await panel.runUntil('2027-02-19T17:00:00+01:00', 60);
    expect(panel.platform.to('raf').at(-1)!.text).toContain('Reminder: Weekend 1');
    expect(panel.platform.to('bob').filter((d) => d.at > new Date('2027-02-13T10:00:00+01:00'))).toEqual([]);
  });

  it('a reserve who refuses passes the seat on to the next best match', async () => {
    panel = schedulingPanel({ now: '2027-02-13T09:00:00+01:00' });
    panel.add({ user: 'bob', gender: 'man', region: 'wallonia' });
    panel.add({ user: 'raf', selection: 'reserve', gender: 'man', region: 'wallonia' });
    panel.add({ user: 'rita', selection: 'reserve', gender: 'woman', region: 'flanders' });
    await panel.runUntil('2027-02-13T10:00:00+01:00');
    says(panel, 'bob', 'no');
    await panel.tick();
    says(panel, 'raf', 'no');
    expect(alertsOf(panel, 'seat_refused')).toEqual([{ person: 'P-RAF', event: 'weekend-1', offeredTo: 'P-RITA' }]);
    await panel.tick();
    expect(panel.platform.to('rita')).toHaveLength(1);
  });

  it('after the deadline a no is still alerted, but no seat is offered', async () => {
    panel = schedulingPanel({ now: '2027-02-19T16:00:00+01:00', config: (c) => ({ ...c, reminders: { ...c.reminders, rules: { weekend: [{ id: 'd-1', hoursBefore: 24, deliveryHour: 17, toleranceHours: 2, askAttendance: true }] } } }) });
    panel.add({ user: 'bob' });
    panel.add({ user: 'raf', selection: 'reserve' });
    await panel.runUntil('2027-02-19T17:00:00+01:00');
    says(panel, 'bob', 'no');
    expect(alertsOf(panel, 'attendance_declined')).toEqual([{ person: 'P-BOB', event: 'weekend-1', offeredTo: null }]);
  });

  it('on the day, "présent" checks a person in; on another day there is nothing to check in to', async () => {
    panel = schedulingPanel({ now: '2027-02-15T10:00:00+01:00' });
    const alice = panel.add({ user: 'alice', language: 'fr' });
    expect(says(panel, 'alice', 'présent')).toContain("pas de journée du panel pour vous aujourd'hui");
    panel.clock.set('2027-02-21T09:10:00+01:00');
    expect(says(panel, 'alice', 'Présent')).toContain('Votre présence est enregistrée');
    expect(says(panel, 'alice', 'je suis là')).toContain('déjà enregistrée');
    const row = panel.app.db.select().from(attendance).where(eq(attendance.personId, alice)).get();
    expect(row).toMatchObject({ eventId: 'weekend-1', day: '2027-02-21', checkedInBy: 'self' });
  });
});
