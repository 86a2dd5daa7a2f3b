// `panelbot checkin EVENT --person PSEUDONYM [--day YYYY-MM-DD]`: an organiser marks someone present.
import { eq } from 'drizzle-orm';
import { UsageError, one } from './args';
import type { CliContext } from './context';
import { people } from '../db/schema/index';
import { checkIn } from '../core/attendance';
import { eventDays, findEvent } from '../core/scheduling/events';
import { localDate } from '../core/time';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

export async function checkinCommand(ctx: CliContext): Promise<number> {
  const eventId = ctx.args.positionals[0];
  const pseudonym = one(ctx.args, 'person');
  if (!eventId || !pseudonym) throw new UsageError('checkin needs EVENT and --person PSEUDONYM');
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const event = findEvent(db, config, eventId);
  if (!event) {
    ctx.err(`panelbot: no event "${eventId}"`);
    return 1;
  }
  const person = db.select({ id: people.id }).from(people).where(eq(people.pseudonym, pseudonym)).get();
  if (!person) {
    ctx.err(`panelbot: no person ${pseudonym}`);
    return 1;
  }
  const days = eventDays(event, config.panel.timezone);
  const day = one(ctx.args, 'day') ?? localDate(clock.now(), config.panel.timezone);
  if (!days.includes(day)) {
    ctx.err(`panelbot: ${eventId} takes place on ${days.join(', ')}; give --day`);
    return 1;
  }
  const now = clock.now();
  const fresh = checkIn(db, person.id, eventId, day, operator(), now);
  if (fresh) audit(db, operator(), 'attendance.checkin', `${eventId} ${pseudonym} ${day}`, now);
  ctx.out(fresh ? `${pseudonym} checked in for ${eventId} on ${day}.` : `${pseudonym} was already checked in for ${eventId} on ${day}.`);
  return 0;
}
