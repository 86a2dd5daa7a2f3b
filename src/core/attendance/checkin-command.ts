// "here" / "présent" / "aanwezig" / "anwesend": on an event day, a person checks in by chat.
// The words live in locales/<lng>/common.json under commands.checkin.
import type { Command } from '../conversation/commands';
import { checkIn } from './attendance';
import { isExpected } from '../reminders/audience';
import { effectiveEvents, eventDays } from '../panel/calendar';
import { localDate } from '../panel/time';

export const checkinCommand: Command = {
  id: 'checkin',
  appliesTo: (turn) => turn.person.language !== null && turn.frame.flow !== 'welcome',
  run(turn) {
    const { db, config } = turn.services;
    const today = localDate(turn.now, config.panel.timezone);
    const event = effectiveEvents(db, config).find((e) => eventDays(e, config.panel.timezone).includes(today) && isExpected(db, e, turn.person.id));
    if (!event) turn.say(turn.t('reminders:checkin.noEvent'));
    else {
      const fresh = checkIn(db, turn.person.id, event.id, today, 'self', turn.now);
      turn.say(turn.t(fresh ? 'reminders:checkin.done' : 'reminders:checkin.already', { title: event.title[turn.lang] }));
    }
    // Inside a question, ask it again; at rest, say nothing more.
    if (turn.nested) turn.goto(turn.frame.step);
    else turn.quiet();
  },
};
