// `panelbot events list [--json]`, `events move EVENT --start TIME --end TIME` and `events reset EVENT|--all`:
// new dates for an event (or back to the configured ones); every unsent reminder of the old date is
// cancelled, the new ones planned and everyone expected told, in one go. Times are panel time.
import { UsageError, has } from './args';
import type { CliContext } from './context';
import { timeOption } from './dates';
import { effectiveEvents } from '../core/panel/calendar';
import { moveEvent, MoveError, resetEvents } from '../core/panel/move-event';
import { panelDateTimeWithZone, panelJson } from '../core/panel/panel-time';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { plural } from '../core/organisers/plural';

export async function eventsCommand(ctx: CliContext): Promise<number> {
  const sub = ctx.args.positionals[0];
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  if (sub === 'list' || sub === undefined) {
    const tz = config.panel.timezone;
    if (has(ctx.args, 'json')) {
      const list = effectiveEvents(db, config).map((e) => ({ id: e.id, kind: e.kind, start: e.startAt, end: e.endAt, startLocal: panelDateTimeWithZone(e.startAt, tz), endLocal: panelDateTimeWithZone(e.endAt, tz), moved: Boolean(e.moved) }));
      ctx.out(panelJson(list, tz));
      return 0;
    }
    ctx.out(`(times in ${tz})`);
    for (const e of effectiveEvents(db, config)) ctx.out(`${e.id}\t${e.kind}\t${panelDateTimeWithZone(e.startAt, tz)}\t${panelDateTimeWithZone(e.endAt, tz)}${e.moved ? '\t(moved)' : ''}`);
    return 0;
  }
  if (sub === 'reset') return reset(ctx);
  if (sub !== 'move') throw new UsageError('use "events list [--json]", "events move EVENT --start TIME --end TIME" or "events reset EVENT|--all"');
  const eventId = ctx.args.positionals[1];
  const start = timeOption(ctx.args, 'start', config.panel.timezone);
  const end = timeOption(ctx.args, 'end', config.panel.timezone);
  if (!eventId || !start || !end) throw new UsageError('events move needs EVENT, --start and --end (like 2027-02-27T09:30 in panel time, or 27/2/2027 09:30)');
  return refusingBadMoves(ctx, () => {
    const result = moveEvent(app.services, eventId, start, end, clock.now());
    audit(db, operator(), 'events.move', `${eventId} ${start.toISOString()} ${end.toISOString()}`, clock.now());
    if (!result.changed) ctx.out(`${eventId} already has these dates: nothing changed.`);
    else ctx.out(`${eventId} moved: ${plural(result.cancelled, 'unsent reminder')} cancelled, ${result.queued} planned for the new date; ${plural(result.told, 'person', 'people')} told.`);
    return 0;
  });
}

function reset(ctx: CliContext): number {
  const app = ctx.openApp();
  const { db, clock } = app.services;
  const eventId = ctx.args.positionals[1];
  const all = has(ctx.args, 'all');
  if (!eventId && !all) throw new UsageError('events reset needs EVENT or --all');
  return refusingBadMoves(ctx, () => {
    const results = resetEvents(app.services, all ? 'all' : [eventId!], clock.now());
    audit(db, operator(), 'events.reset', all ? 'all' : eventId!, clock.now());
    if (!results.length) ctx.out('No moved event: nothing changed.');
    for (const r of results) ctx.out(`${r.eventId} back to its configured dates: ${plural(r.cancelled, 'unsent reminder')} cancelled, ${r.queued} planned; ${plural(r.told, 'person', 'people')} told.`);
    return 0;
  });
}

/** A move or reset the calendar refuses (unknown event, end before start…) is one line, not a stack trace. */
function refusingBadMoves(ctx: CliContext, run: () => number): number {
  try {
    return run();
  } catch (err) {
    if (err instanceof MoveError) {
      ctx.err(`panelbot: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
