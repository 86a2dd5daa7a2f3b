// An organiser marks someone present on an event day (from the CLI or Slack): one rule for both.
import type { Services } from '../conversation/flow';
import { personIdByPseudonym } from '../../db/repos/people';
import { checkIn } from './attendance';
import { eventDays, findEvent } from '../panel/calendar';
import { localDate } from '../panel/time';
import { audit } from '../../db/repos/audit';
import { inTransaction } from '../../db/client';
import { notExpectedWhy } from './door-list';

export type OrganiserCheckIn =
  /** Recorded; warnings say what looks wrong (a day still to come, someone not expected that day). */
  | { ok: true; fresh: boolean; day: string; warnings: string[] }
  | { ok: false; problem: 'no_event' | 'no_person' | 'not_an_event_day'; days?: string[] };

export function organiserCheckIn(
  services: Pick<Services, 'db' | 'config' | 'clock'>,
  input: { eventId: string; pseudonym: string; day?: string; actor: string },
): OrganiserCheckIn {
  const { db, config, clock } = services;
  const event = findEvent(db, config, input.eventId);
  if (!event) return { ok: false, problem: 'no_event' };
  const personId = personIdByPseudonym(db, input.pseudonym);
  if (personId === undefined) return { ok: false, problem: 'no_person' };
  const days = eventDays(event, config.panel.timezone);
  const now = clock.now();
  const day = input.day ?? localDate(now, config.panel.timezone);
  if (!days.includes(day)) return { ok: false, problem: 'not_an_event_day', days };
  const warnings: string[] = [];
  const today = localDate(now, config.panel.timezone);
  if (day > today) warnings.push(`${day} is still to come (today is ${today})`);
  const why = notExpectedWhy(db, config, input.eventId, day, personId);
  if (why) warnings.push(`${input.pseudonym} is not expected: ${why}`);
  return inTransaction(db, () => {
    const fresh = checkIn(db, personId, input.eventId, day, input.actor, now);
    if (fresh) audit(db, input.actor, 'attendance.checkin', `${input.eventId} ${input.pseudonym} ${day}`, now);
    return { ok: true as const, fresh, day, warnings };
  });
}

/** One line for the organiser, in English (organisers' tools are in English). */
export function describeCheckIn(result: OrganiserCheckIn, eventId: string, pseudonym: string): string {
  if (result.ok) {
    const done = result.fresh ? `${pseudonym} checked in for ${eventId} on ${result.day}.` : `${pseudonym} was already checked in for ${eventId} on ${result.day}.`;
    return [done, ...result.warnings.map((w) => `Warning: ${w}.`)].join(' ');
  }
  if (result.problem === 'no_event') return `No event "${eventId}".`;
  if (result.problem === 'no_person') return `No person ${pseudonym}.`;
  return `${eventId} takes place on ${result.days!.join(', ')}; give the day.`;
}
