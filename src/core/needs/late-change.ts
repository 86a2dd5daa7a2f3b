// A change of needs shortly before an event (config needs.changeDeadlineDays) may upset the
// caterer's or the childcare's numbers: the organisers are told who, for which event, and which
// category changed. Never what the need is.
import type { Db } from '../../db/client';
import { dayAnswersOf } from '../../db/repos/attendance';
import { raiseAlert, unpostedAlertWith } from '../../db/repos/alerts';
import type { PanelConfig } from '../panel/config';
import type { Category } from './model';
import { venueEvents } from './days';

const DAY_MS = 86_400_000;

/** The venue events whose deadline has passed and that have not ended yet. */
export function eventsPastDeadline(db: Db, config: PanelConfig, now: Date) {
  const deadlineMs = config.needs.changeDeadlineDays * DAY_MS;
  return venueEvents(db, config).filter((e) => now.getTime() >= e.startAt.getTime() - deadlineMs && now < e.endAt);
}

export function alertIfLate(db: Db, config: PanelConfig, person: { id: number; pseudonym: string }, category: Category, now: Date): void {
  for (const event of eventsPastDeadline(db, config, now)) {
    const answers = dayAnswersOf(db, person.id, event.id);
    // Someone who said they will not come changes nobody's numbers.
    if (answers.length > 0 && answers.every((a) => a.answer === 'no')) continue;
    const payload = JSON.stringify({ person: person.pseudonym, event: event.id, category });
    // One alert until the organisers have seen it: changing the same answer twice is not news.
    const pending = unpostedAlertWith(db, 'needs_changed_late', payload);
    if (!pending) raiseAlert(db, 'needs_changed_late', JSON.parse(payload) as Record<string, unknown>, now);
  }
}
