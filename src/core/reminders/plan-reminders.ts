// Plans every reminder: one outbox row per event × rule × person in the event's audience, keyed
// "reminder:<person>:<event>:<rule>:v<start ms>". Run at every scheduler tick and after every
// change; running it again changes nothing. In one transaction, like RapidPro's campaigns:
// - a person added late gets the reminders whose time has not passed;
// - an event that moved: every unsent reminder of the old date is cancelled ('event_moved') and
//   the new ones are queued, so the old ones are never sent;
// - a person who left the audience (declined, withdrew, said no to the event) loses their unsent ones.
import { inTransaction, type Db } from '../../db/client';
import { cancelPendingRows, enqueue } from '../../db/repos/outbox';
import type { OutboxPayload } from '../outbox/payload';
import { remindersByKey, rescheduleReminder } from '../../db/repos/reminders';
import type { Services } from '../conversation/flow';
import type { PanelConfig, ReminderRule } from '../panel/config';
import { audienceOf } from './audience';
import { effectiveEvents, type ScheduledEvent } from '../panel/calendar';
import { reminderTimes, type ReminderTimes } from './reminder-times';
import { choiceId } from '../conversation/choice-id';

export interface PlanResult {
  queued: number;
  cancelled: number;
  rescheduled: number;
}

export function reminderKey(personId: number, eventId: string, ruleId: string, version: string): string {
  return `reminder:${personId}:${eventId}:${ruleId}:${version}`;
}

/** Splits a reminder key; event ids hold no colon, rule ids might. */
export function parseReminderKey(key: string): { personId: number; eventId: string; ruleId: string; version: string } | undefined {
  const parts = key.split(':');
  if (parts[0] !== 'reminder' || parts.length < 5) return undefined;
  return { personId: Number(parts[1]), eventId: parts[2]!, ruleId: parts.slice(3, -1).join(':'), version: parts.at(-1)! };
}

export function ruleTimes(config: PanelConfig, event: ScheduledEvent, rule: ReminderRule): ReminderTimes {
  return reminderTimes(event.startAt, rule, config.reminders.quietHours, config.panel.timezone);
}

/** The reminder's message: texts per language, rendered at send time. */
export function reminderPayload(event: ScheduledEvent, rule: ReminderRule): OutboxPayload {
  const start = event.startAt.toISOString();
  const params = {
    title: { $lang: event.title },
    date: { $date: start },
    time: { $time: start },
    where: event.place ? { $lang: event.place } : (event.online ?? ''),
  };
  const where = event.place ? 'place' : 'online';
  if (rule.askAttendance) {
    return {
      template: {
        key: `reminders:askAttendance.${where}`,
        params,
        choices: [
          { id: choiceId('attendance', 'ask', 'yes'), key: 'common:yes' },
          { id: choiceId('attendance', 'ask', 'no'), key: 'common:no' },
          { id: 'attendance.ask:unsure', key: 'common:notSure' },
        ],
      },
      push: { flow: 'attendance', step: 'ask', data: { event: event.id } },
    };
  }
  const when = rule.hoursBefore <= 12 ? 'soon' : 'upcoming';
  return { template: { key: `reminders:${when}.${where}`, params } };
}

export function planReminders(services: Pick<Services, 'db' | 'config'>, now: Date, onlyEvent?: string): PlanResult {
  return inTransaction(services.db, () => planInTransaction(services.db, services.config, now, onlyEvent));
}

/** The same, inside a transaction the caller opened (e.g. the one that moves an event). */
export function planInTransaction(db: Db, config: PanelConfig, now: Date, onlyEvent?: string): PlanResult {
  const result: PlanResult = { queued: 0, cancelled: 0, rescheduled: 0 };
  const existing = remindersByKey(db);
  const cancel = (ids: number[], reason: string) => {
    result.cancelled += cancelPendingRows(db, ids, reason);
  };

  for (const event of effectiveEvents(db, config)) {
    if (onlyEvent && event.id !== onlyEvent) continue;
    const rules = config.reminders.rules[event.kind] ?? [];
    const audience = audienceOf(db, event);
    const wanted = new Set<string>();

    for (const rule of rules) {
      const times = ruleTimes(config, event, rule);
      const payload = reminderPayload(event, rule);
      for (const personId of audience) {
        const key = reminderKey(personId, event.id, rule.id, event.version);
        wanted.add(key);
        const row = existing.get(key);
        if (!row) {
          // A reminder whose last moment has passed is not queued at all (a person added late).
          if (times.expiresAt <= now) continue;
          if (enqueue(db, { personId, kind: 'reminder', payload, dueAt: times.dueAt, expiresAt: times.expiresAt, idempotencyKey: key, essential: true, priority: 5 }, now)) result.queued++;
          continue;
        }
        const revivable = row.status === 'cancelled' && (row.skipReason === 'event_moved' || row.skipReason === 'not_in_audience');
        // (A row waiting for a retry keeps its backoff time.)
        const stale = row.status === 'pending' && row.attempts === 0 && row.dueAt.getTime() !== times.dueAt.getTime();
        if ((revivable && times.expiresAt > now) || stale) {
          // Moved back to an earlier date, back in the audience, or rules/quiet hours changed: same key, new time.
          rescheduleReminder(db, row.id, times, payload);
          if (revivable) result.queued++;
          else result.rescheduled++;
        }
      }
    }

    // Unsent reminders of this event that are no longer wanted.
    const moved: number[] = [];
    const gone: number[] = [];
    const ruleRemoved: number[] = [];
    for (const row of existing.values()) {
      if (row.status !== 'pending' || wanted.has(row.key)) continue;
      const parsed = parseReminderKey(row.key);
      if (!parsed || parsed.eventId !== event.id) continue;
      if (parsed.version !== event.version) moved.push(row.id);
      else if (audience.has(parsed.personId)) ruleRemoved.push(row.id);
      else gone.push(row.id);
    }
    cancel(moved, 'event_moved');
    cancel(gone, 'not_in_audience');
    cancel(ruleRemoved, 'rule_removed');
  }
  return result;
}
