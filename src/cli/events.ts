// `panelbot events list` and `panelbot events move EVENT --start ISO --end ISO`: a new date for an
// event; every unsent reminder of the old date is cancelled and the new ones planned, in one go.
import { UsageError } from './args';
import type { CliContext } from './context';
import { timeOption } from './dates';
import { effectiveEvents } from '../core/panel/calendar';
import { moveEvent, MoveError } from '../core/panel/move-event';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { plural } from '../core/organisers/plural';

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
  const start = timeOption(ctx.args, 'start', config.panel.timezone);
  const end = timeOption(ctx.args, 'end', config.panel.timezone);
  if (!eventId || !start || !end) throw new UsageError('events move needs EVENT, --start and --end (like 2027-02-27T09:30 in panel time, or 27/2/2027 09:30)');
  try {
    const result = moveEvent(app.services, eventId, start, end, clock.now());
    audit(db, operator(), 'events.move', `${eventId} ${start.toISOString()} ${end.toISOString()}`, clock.now());
    ctx.out(`${eventId} moved: ${plural(result.cancelled, 'unsent reminder')} cancelled, ${result.queued} planned for the new date.`);
    return 0;
  } catch (err) {
    if (err instanceof MoveError) {
      ctx.err(`panelbot: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
