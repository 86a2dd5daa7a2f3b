// `panelbot checkin EVENT --person PSEUDONYM [--day YYYY-MM-DD]`: an organiser marks someone present.
import { UsageError, one } from './args';
import type { CliContext } from './context';
import { dayOption } from './dates';
import { describeCheckIn, organiserCheckIn } from '../core/attendance/organiser-checkin';
import { operator } from './operator';

export async function checkinCommand(ctx: CliContext): Promise<number> {
  const eventId = ctx.args.positionals[0];
  const pseudonym = one(ctx.args, 'person');
  if (!eventId || !pseudonym) throw new UsageError('checkin needs EVENT and --person PSEUDONYM');
  const app = ctx.openApp();
  const day = dayOption(ctx.args, 'day', app.services.config.panel.timezone);
  const result = organiserCheckIn(app.services, { eventId, pseudonym, ...(day ? { day } : {}), actor: operator() });
  (result.ok ? ctx.out : ctx.err)(result.ok ? describeCheckIn(result, eventId, pseudonym) : `panelbot: ${describeCheckIn(result, eventId, pseudonym)}`);
  return result.ok ? 0 : 1;
}
