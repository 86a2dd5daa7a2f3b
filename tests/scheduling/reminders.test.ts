// Reminders from the outbox, walked through with a manual clock: the right local times across a
// daylight-saving change, quiet hours, an event moved, a person added late, a reminder too late.
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { needs, outbox, people } from '../../src/db/schema/index';
import { enqueue } from '../../src/db/repos/outbox';
import { planReminders } from '../../src/core/reminders/plan-reminders';
import { moveEvent } from '../../src/core/panel/move-event';
import { brussels, schedulingPanel, type SchedulingPanel } from './helpers';

let panel: SchedulingPanel;
afterEach(() => panel?.close());

const rowsOf = (p: SchedulingPanel, personId: number) => p.app.db.select().from(outbox).where(eq(outbox.personId, personId)).all();

describe('reminders', () => {
  it('arrive at the right local times across the March daylight-saving change', async () => {
    // One weekend on Saturday 3 April 2027: its week-before reminder falls before the clocks change.
    panel = schedulingPanel({
      now: '2027-03-20T12:00:00+01:00',
      config: (c) => ({ ...c, events: [{ ...c.events.find((e) => e.id === 'weekend-1')!, start: '2027-04-03T09:30:00+02:00', end: '2027-04-04T17:00:00+02:00' }] }),
    });
    panel.add({ user: 'alice', language: 'fr' });
    await panel.runUntil('2027-04-03T10:00:00+02:00');
    const got = panel.platform.to('alice');
    expect(got.map((d) => brussels(d.at))).toEqual(['2027-03-27 10:00', '2027-04-02 17:00', '2027-04-03 08:00']);
    // In her language, with the date and hour of the event (summer time), and the question.
    expect(got[0]!.text).toContain('samedi 3 avril 2027');
    expect(got[0]!.text).toContain('09:30');
    expect(got[0]!.message.choices?.map((c) => c.id)).toEqual(['attendance.ask:yes', 'attendance.ask:no', 'attendance.ask:unsure']);
    expect(got[0]!.message.choices?.slice(0, 2).map((c) => c.label)).toEqual(['Oui', 'Non']);
    // The two-hours-before reminder (07:30) waited for the end of quiet hours (08:00).
    expect(got[2]!.text).toContain('09:30');
   }, 120_000);

  it("name the place in each person's language (the configuration's place per language)", async () => {
    panel = schedulingPanel({
      now: '2027-02-01T12:00:00+01:00',
      config: (c) => ({ ...c, events: [c.events.find((e) => e.id === 'weekend-1')!] }),
    });
    panel.add({ user: 'alice', language: 'fr' });
    panel.add({ user: 'bram', language: 'nl' });
    panel.add({ user: 'dora', language: 'de' });
    await panel.runUntil('2027-02-14T12:00:00+01:00');
    expect(panel.platform.to('alice')[0]!.text).toContain("Palais d'Egmont, Bruxelles");
    expect(panel.platform.to('bram')[0]!.text).toContain('Egmontpaleis, Brussel');
    expect(panel.platform.to('dora')[0]!.text).toContain('Egmont-Palast, Brüssel');
  }, 120_000);

  it('an event for companions reaches the people who come with one (companions have no chat of their own)', () => {
    panel = schedulingPanel({
      now: '2027-02-01T12:00:00+01:00',
      config: (c) => ({ ...c, events: [{ ...c.events.find((e) => e.id === 'weekend-1')!, id: 'companions-briefing', audience: ['companions'] }] }),
    });
    const alice = panel.add({ user: 'alice' });
    const bob = panel.add({ user: 'bob' });
    const carla = panel.add({ user: 'carla', selection: 'reserve' });
    const updatedAt = panel.clock.now();
    panel.app.db
      .insert(needs)
      .values([
        { personId: alice, companion: 'companion', updatedAt },
        { personId: bob, companion: 'none', updatedAt },
        { personId: carla, companion: 'guardian', updatedAt },
      ])
      .run();
    planReminders(panel.app.services, panel.clock.now());
    expect(rowsOf(panel, alice).length).toBeGreaterThan(0);
    expect(rowsOf(panel, bob)).toEqual([]);
    expect(rowsOf(panel, carla)).toEqual([]);
  });

  it('planning again changes nothing', () => {
    panel = schedulingPanel({ now: '2027-02-01T12:00:00+01:00' });
    panel.add({ user: 'alice' });
    const first = planReminders(panel.app.services, panel.clock.now());
    const again = planReminders(panel.app.services, panel.clock.now());
    expect(first.queued).toBeGreaterThan(0);
    expect(again).toEqual({ queued: 0, cancelled: 0, rescheduled: 0 });
  });

  it('an event moved: the old reminders are never sent, the new ones are', async () => {
    panel = schedulingPanel({ now: '2027-02-10T12:00:00+01:00' });
    const alice = panel.add({ user: 'alice' });
    await panel.tick();
    const moved = moveEvent(panel.app.services, 'weekend-1', new Date('2027-02-27T09:30:00+01:00'), new Date('2027-02-28T17:00:00+01:00'), panel.clock.now());
    expect(moved.cancelled).toBe(3);
    expect(moved.queued).toBe(3);
    const cancelled = rowsOf(panel, alice).filter((r) => r.status === 'cancelled');
    expect(cancelled.map((r) => r.skipReason)).toEqual(['event_moved', 'event_moved', 'event_moved']);

    await panel.runUntil('2027-02-27T10:00:00+01:00', 30);
    const weekend1 = panel.platform.to('alice').filter((d) => d.text.includes('Weekend 1'));
    // Told of the move at once, in her language; then the reminders of the new date.
    expect(weekend1.map((d) => brussels(d.at))).toEqual(['2027-02-10 12:00', '2027-02-20 10:00', '2027-02-26 17:00', '2027-02-27 08:00']);
    expect(weekend1[0]!.text).toContain('Change of date');
    expect(weekend1[0]!.text).toContain('27 February 2027 at 09:30');
    expect(weekend1[1]!.text).toContain('27 February 2027');
    // Moving it again to the same dates changes and sends nothing.
    const again = moveEvent(panel.app.services, 'weekend-1', new Date('2027-02-27T09:30:00+01:00'), new Date('2027-02-28T17:00:00+01:00'), panel.clock.now());
    expect(again).toMatchObject({ changed: false, cancelled: 0, queued: 0, told: 0 });
   }, 120_000);

  it('a change of the end alone is told, with the new end; a move back is told again; only the latest notice goes', async () => {
    panel = schedulingPanel({ now: '2027-02-10T12:00:00+01:00' });
    panel.add({ user: 'alice' });
    await panel.tick();
    const notices = () => panel.app.db.select().from(outbox).all().filter((r) => r.idempotencyKey.startsWith('moved:'));
    // Weekend 1 ends at 15:00 instead of 17:00 on Sunday; it starts as before.
    const shorter = moveEvent(panel.app.services, 'weekend-1', new Date('2027-02-20T09:30:00+01:00'), new Date('2027-02-21T15:00:00+01:00'), panel.clock.now());
    expect(shorter).toMatchObject({ changed: true, told: 1 });
    await panel.tick();
    const told = panel.platform.to('alice').filter((d) => d.text.includes('Change of date'));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('now starts on Saturday, 20 February 2027 at 09:30. It ends on Sunday, 21 February 2027 at 15:00');
    // Back to 17:00: dates she was told before (the configured ones), told again.
    panel.clock.advance(60_000);
    expect(moveEvent(panel.app.services, 'weekend-1', new Date('2027-02-20T09:30:00+01:00'), new Date('2027-02-21T17:00:00+01:00'), panel.clock.now())).toMatchObject({ told: 1 });
    // Two moves before the outbox runs: the first notice is cancelled, only the second goes out.
    panel.clock.advance(60_000);
    moveEvent(panel.app.services, 'weekend-1', new Date('2027-02-27T09:30:00+01:00'), new Date('2027-02-28T17:00:00+01:00'), panel.clock.now());
    panel.clock.advance(60_000);
    moveEvent(panel.app.services, 'weekend-1', new Date('2027-02-27T10:00:00+01:00'), new Date('2027-02-27T17:00:00+01:00'), panel.clock.now());
    await panel.tick();
    const texts = panel.platform.to('alice').filter((d) => d.text.includes('Change of date')).map((d) => d.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('now takes place on Saturday, 27 February 2027 from 10:00 to 17:00');
    expect(notices().map((r) => `${r.status}${r.skipReason ? ` ${r.skipReason}` : ''}`)).toEqual(['sent', 'cancelled event_moved', 'cancelled event_moved', 'sent']);
  });

  it('a person added late gets the reminders still to come', async () => {
    panel = schedulingPanel({ now: '2027-02-14T12:00:00+01:00' });
    const carol = panel.add({ user: 'carol' });
    await panel.runUntil('2027-02-20T10:00:00+01:00', 30);
    expect(panel.platform.to('carol').map((d) => brussels(d.at))).toEqual(['2027-02-19 17:00', '2027-02-20 08:00']);
    expect(rowsOf(panel, carol).some((r) => r.idempotencyKey.includes(':weekend-1:d-7:'))).toBe(false);
  });

  it('a reminder that can no longer go out in time is skipped with its reason, never sent late', async () => {
    panel = schedulingPanel({ now: '2027-02-13T09:00:00+01:00' });
    const dave = panel.add({ user: 'dave' });
    panel.platform.ready = false;
    await panel.runUntil('2027-02-13T16:30:00+01:00', 60);
    panel.platform.ready = true;
    await panel.tick();
    expect(panel.platform.to('dave')).toEqual([]);
    const row = panel.app.db.select().from(outbox).where(and(eq(outbox.personId, dave), eq(outbox.status, 'skipped'))).get();
    expect(row?.skipReason).toBe('too_late');
    expect(row?.idempotencyKey).toMatch(/^reminder:\d+:weekend-1:d-7:v\d+$/);
  });

  it('a failed delivery is retried with backoff, and a permanent failure is kept visible', async () => {
    panel = schedulingPanel({ now: '2027-02-13T10:00:00+01:00' });
    const erin = panel.add({ user: 'erin' });
    panel.platform.failWith = { ok: false, permanent: false, reason: 'platform busy' };
    await panel.tick();
    let row = rowsOf(panel, erin).find((r) => r.idempotencyKey.includes('weekend-1:d-7'))!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'platform busy' });
    expect(row.dueAt.getTime()).toBeGreaterThan(panel.clock.now().getTime());
    panel.platform.failWith = { ok: false, permanent: true, reason: 'chat not found' };
    panel.clock.advance(5 * 60_000);
    await panel.tick();
    row = rowsOf(panel, erin).find((r) => r.idempotencyKey.includes('weekend-1:d-7'))!;
    expect(row).toMatchObject({ status: 'failed', attempts: 2, lastError: 'chat not found' });
  });

  it('a person without any reachable address is skipped as unreachable', async () => {
    panel = schedulingPanel({ now: '2027-02-13T10:00:00+01:00' });
    const fay = panel.add({ user: 'fay' });
    panel.platform.failWith = { ok: false, permanent: true, unreachable: true, reason: 'blocked by the user' };
    await panel.tick();
    await panel.tick();
    const row = rowsOf(panel, fay).find((r) => r.idempotencyKey.includes('weekend-1:d-7'))!;
    expect(row).toMatchObject({ status: 'skipped', skipReason: 'unreachable' });
  });

  it('a broadcast due in quiet hours waits for the morning; non-essential news skips people who said stop', async () => {
    panel = schedulingPanel({ now: '2027-02-01T22:00:00+01:00', config: (c) => ({ ...c, reminders: { ...c.reminders, rules: {} } }) });
    const gina = panel.add({ user: 'gina' });
    const hugo = panel.add({ user: 'hugo' });
    panel.app.db.update(people).set({ essentialOnly: true }).where(eq(people.id, hugo)).run();
    for (const [personId, key] of [[gina, 'news:gina'], [hugo, 'news:hugo']] as const) {
      enqueue(panel.app.db, { personId, kind: 'broadcast', payload: { outbound: { text: 'News from the panel' } }, dueAt: panel.clock.now(), idempotencyKey: key, essential: false }, panel.clock.now());
    }
    await panel.runUntil('2027-02-02T09:00:00+01:00', 30);
    expect(panel.platform.to('gina').map((d) => brussels(d.at))).toEqual(['2027-02-02 08:00']);
    expect(panel.platform.to('hugo')).toEqual([]);
    expect(rowsOf(panel, hugo)[0]).toMatchObject({ status: 'skipped', skipReason: 'essential_only' });
  });
});
