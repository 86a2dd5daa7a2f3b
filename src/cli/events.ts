// `panelbot events list` and `panelbot events move EVENT --start ISO --end ISO`: a new date for an
// event; every unsent reminder of the old date is cancelled and the new ones planned, in one go.
import { UsageError, one } from './args';
import type { CliContext } from './context';
import { effectiveEvents } from '../core/panel/calendar';
import { moveEvent, MoveError } from '../core/panel/move-event';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

export async function eventsCommand(ctx: CliContext): Promise<number> {
  const sub = ctx.args.positionals[0];
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  if (sub === 'list' || sub === undefined) {
    for (const e of effectiveEvents(db, config)) ctx.out(`${e.id}\t${e.kind}\t${e.startAt.toISOString()}\t${e.endAt.toISOString()}${e.moved ? '\t(moved)' : ''}`);
    return 0;
  }
  if (sub !== 'move') throw new UsageError('use "events list" or "events move EVENT --start ISO --end ISO"');
  const eventId = ctx.args.positionals[1];
  const start = one(ctx.args, 'start');
  const end = one(ctx.args, 'end');
  if (!eventId || !start || !end) throw new UsageError('events move needs EVENT, --start and --end (like 2027-02-27T09:30:00+01:00)');
  try {
    const result = moveEvent(app.services, eventId, new Date(start), new Date(end), clock.now());
    audit(db, operator(), 'events.move', `${eventId} ${start} ${end}`, clock.now());
    ctx.out(`${eventId} moved: ${result.cancelled} unsent reminder(s) cancelled, ${result.queued} planned for the new date.`);
    return 0;
  } catch (err) {
    if (err instanceof MoveError) {
      ctx.err(`panelbot: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
