// Who comes to which event: answers to the attendance question, seats offered to reserves after a
// "no", and check-ins on the day. Alerts carry pseudonyms and event ids only.
import type { Db } from '../../db/client';
import { activeReserveIds, answerSeatOfferRow, insertSeatOffer, reservesAskedFor, saidNoTo, saveCheckIn, saveDayAnswer, seatOfferTo, seatOfferedFor } from '../../db/repos/attendance';
import { raiseAlert } from '../../db/repos/alerts';
import { cancelRows, enqueue, pendingRemindersOf } from '../../db/repos/outbox';
import { eligiblePool } from '../../db/repos/pool';
import { featuresOf } from '../selection/features';
import type { PanelConfig } from '../panel/config';
import { rankReserves, type Profile } from '../selection/reserves';
import { audienceOf } from '../reminders/audience';
import { eventDays, findEvent, panelCalendar, type ScheduledEvent } from '../panel/calendar';
import { parseReminderKey } from '../reminders/plan-reminders';
import { choiceId } from '../conversation/choice-id';

export type AttendanceAnswer = 'yes' | 'no' | 'unsure';

/** Records the answer for every day of the event. */
export function recordAnswer(db: Db, config: PanelConfig, personId: number, event: ScheduledEvent, answer: AttendanceAnswer, now: Date): void {
  for (const day of eventDays(event, config.panel.timezone)) {
    saveDayAnswer(db, personId, event.id, day, answer, now);
  }
}

/**
 * A "no": the organisers are alerted, the person's unsent reminders for the event are cancelled,
 * and, before the deadline, the seat is offered to the best-matching reserve.
 */
export function declineEvent(db: Db, config: PanelConfig, person: { id: number; pseudonym: string }, event: ScheduledEvent, now: Date): string | null {
  recordAnswer(db, config, person.id, event, 'no', now);
  cancelEventReminders(db, person.id, event.id, 'declined_event');
  const already = seatOfferedFor(db, event.id, person.id);
  const reserve = already ? undefined : offerSeat(db, config, event, person.id, now);
  raiseAlert(db, 'attendance_declined', { person: person.pseudonym, event: event.id, offeredTo: reserve ?? null }, now);
  return reserve ?? null;
}

export function seatOfferDeadline(config: PanelConfig, event: ScheduledEvent): Date {
  return new Date(event.startAt.getTime() - config.reminders.seatOfferUntilHours * 3_600_000);
}

/** Offers the seat freed by `declinedBy` to the best-matching reserve not yet asked; returns their pseudonym. */
export function offerSeat(db: Db, config: PanelConfig, event: ScheduledEvent, declinedBy: number | null, now: Date): string | undefined {
  const deadline = seatOfferDeadline(config, event);
  if (now >= deadline) return undefined;
  const pool = eligiblePool(db);
  const ageReferenceDay = panelCalendar(db, config).firstDay();
  const profileOf = (personId: number): Profile | undefined => {
    const m = pool.find((p) => p.personId === personId);
    if (!m) return undefined;
    const f = featuresOf(config, m, ageReferenceDay);
    return { personId, gender: f.gender, ageBand: f.age, region: f.region, language: f.language };
  };
  const reserveIds = activeReserveIds(db);
  const asked = reservesAskedFor(db, event.id);
  for (const id of saidNoTo(db, event.id)) asked.add(id);
  for (const id of audienceOf(db, event)) asked.add(id);
  const reserves = reserveIds.map(profileOf).filter((p): p is Profile => p !== undefined);
  const target = (declinedBy !== null ? profileOf(declinedBy) : undefined) ?? { personId: -1 };
  const best = rankReserves(target, reserves, asked)[0];
  if (!best) return undefined;
  const offerId = insertSeatOffer(db, event.id, declinedBy, best.personId, now);
  const start = event.startAt.toISOString();
  enqueue(
    db,
    {
      personId: best.personId,
      kind: 'system',
      payload: {
        template: {
          key: 'reminders:seatOffer',
          params: { title: { $lang: event.title }, date: { $date: start }, time: { $time: start } },
          choices: [
            { id: choiceId('attendance', 'seat', 'yes'), key: 'common:yes' },
            { id: choiceId('attendance', 'seat', 'no'), key: 'common:no' },
          ],
        },
        push: { flow: 'attendance', step: 'seat', data: { event: event.id, offer: offerId } },
      },
      dueAt: now,
      expiresAt: deadline,
      idempotencyKey: `seat:${event.id}:${best.personId}`,
      essential: true,
      priority: 2,
    },
    now,
  );
  return pool.find((p) => p.personId === best.personId)?.pseudonym;
}

/** The reserve's answer to a seat offer. A refusal passes the seat to the next reserve. */
export function answerSeatOffer(db: Db, config: PanelConfig, person: { id: number; pseudonym: string }, offerId: number, accept: boolean, now: Date): 'accepted' | 'refused' | 'expired' {
  const offer = seatOfferTo(db, offerId, person.id);
  const event = offer && findEvent(db, config, offer.eventId);
  if (!offer || !event || offer.status !== 'offered' || now >= seatOfferDeadline(config, event)) return 'expired';
  answerSeatOfferRow(db, offer.id, accept ? 'accepted' : 'refused', now);
  if (accept) {
    recordAnswer(db, config, person.id, event, 'yes', now);
    raiseAlert(db, 'seat_accepted', { person: person.pseudonym, event: event.id }, now);
    return 'accepted';
  }
  const next = offerSeat(db, config, event, offer.declinedBy, now);
  raiseAlert(db, 'seat_refused', { person: person.pseudonym, event: event.id, offeredTo: next ?? null }, now);
  return 'refused';
}

/** Cancels the person's unsent reminders for one event. */
export function cancelEventReminders(db: Db, personId: number, eventId: string, reason: string): number {
  const rows = pendingRemindersOf(db, personId)
    .filter((r) => parseReminderKey(r.key)?.eventId === eventId)
    .map((r) => r.id);
  return cancelRows(db, rows, reason);
}

/** Marks the person present on that day of the event (by themselves or by an organiser). */
export function checkIn(db: Db, personId: number, eventId: string, day: string, by: string, now: Date): boolean {
  return saveCheckIn(db, personId, eventId, day, by, now);
}
