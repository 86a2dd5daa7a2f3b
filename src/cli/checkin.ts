// `panelbot checkin EVENT --person PSEUDONYM [--day DATE]`: an organiser marks someone present.
// `panelbot checkin EVENT --list [--day DATE] [--csv | --json]`: the day's check-in list to print for the door.
// `panelbot checkin EVENT --file LIST.csv [--day DATE]`: the ticked list back, everyone in one go
// (rows with a "present" column count only when ticked: x, yes, 1, ✓). Warnings for a day still to
// come or someone not expected go to standard error; the result stays on standard output.
import { panelJson } from '../core/panel/panel-time';
import fs from 'node:fs';
import { has, InputError, UsageError, one } from './args';
import type { CliContext } from './context';
import { dayOption } from './dates';
import { readCsvFile, toCsv } from './csv';
import { describeCheckIn, organiserCheckIn } from '../core/attendance/organiser-checkin';
import { doorList } from '../core/attendance/door-list';
import { eventDays, findEvent } from '../core/panel/calendar';
import { localDate } from '../core/panel/time';
import { inTransaction } from '../db/client';
import { audit } from '../db/repos/audit';
import { plural } from '../core/organisers/plural';
import { operator } from './operator';

const TICKED = /^(x|yes|y|1|true|✓|✔|oui|ja)$/i;

export async function checkinCommand(ctx: CliContext): Promise<number> {
  const eventId = ctx.args.positionals[0];
  const pseudonym = one(ctx.args, 'person');
  const file = one(ctx.args, 'file');
  const list = has(ctx.args, 'list');
  if (!eventId || [pseudonym, file, list || undefined].filter(Boolean).length !== 1) {
    throw new UsageError('checkin needs EVENT and one of --person PSEUDONYM, --file LIST.csv or --list');
  }
  const app = ctx.openApp();
  const day = dayOption(ctx.args, 'day', app.services.config.panel.timezone);
  if (list) return printList(ctx, eventId, day);
  if (file) return fromFile(ctx, eventId, file, day);
  const result = organiserCheckIn(app.services, { eventId, pseudonym: pseudonym!, ...(day ? { day } : {}), actor: operator() });
  if (!result.ok) {
    ctx.err(`panelbot: ${describeCheckIn(result, eventId, pseudonym!)}`);
    return 1;
  }
  ctx.out(describeCheckIn({ ...result, warnings: [] }, eventId, pseudonym!));
  for (const w of result.warnings) ctx.err(`Warning: ${w}.`);
  return 0;
}

/** The event day the list is for: --day, or today when it is one of the event's days. */
function listDay(ctx: CliContext, eventId: string, day: string | undefined): string {
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const event = findEvent(db, config, eventId);
  if (!event) throw new InputError(`no event "${eventId}"`);
  const days = eventDays(event, config.panel.timezone);
  const chosen = day ?? localDate(clock.now(), config.panel.timezone);
  if (!days.includes(chosen)) throw new InputError(`${eventId} takes place on ${days.join(', ')}; give the day with --day`);
  return chosen;
}

function printList(ctx: CliContext, eventId: string, day: string | undefined): number {
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const chosen = listDay(ctx, eventId, day);
  const rows = doorList(db, config, eventId, chosen);
  audit(db, operator(), 'attendance.list', `${eventId} ${chosen}`, clock.now());
  if (has(ctx.args, 'json')) {
    ctx.out(panelJson({ event: eventId, day: chosen, expected: rows.length, people: rows.map((r) => ({ pseudonym: r.pseudonym, name: r.name, answer: r.answer, notes: r.notes, checkedIn: r.checkedIn })) }, config.panel.timezone));
    return 0;
  }
  if (has(ctx.args, 'csv')) {
    process.stdout.write(toCsv(['present', 'pseudonym', 'name', 'answer', 'notes'], rows.map((r) => [r.checkedIn ? 'x' : '', r.pseudonym, r.name, r.answer, r.notes.join('; ')])));
    return 0;
  }
  ctx.out(`Check-in list: ${eventId}, ${chosen} (${plural(rows.length, 'person', 'people')} expected)`);
  for (const r of rows) ctx.out(`[${r.checkedIn ? 'x' : ' '}] ${r.name.padEnd(28)} ${r.pseudonym.padEnd(12)} ${r.answer === 'yes' ? '' : `(${r.answer}) `}${r.notes.join('; ')}`);
  ctx.out(`Tick who came, then: panelbot checkin ${eventId} --day ${chosen} --file LIST.csv (from --csv)`);
  return 0;
}

function fromFile(ctx: CliContext, eventId: string, file: string, day: string | undefined): number {
  if (!fs.existsSync(file)) throw new InputError(`${file} does not exist`);
  const { header, rows } = readCsvFile(file, { required: ['pseudonym'], known: ['present', 'name', 'answer', 'notes'] });
  const app = ctx.openApp();
  const chosen = listDay(ctx, eventId, day);
  const ticked = header.includes('present') ? rows.filter((r) => TICKED.test(r.values.present ?? '')) : rows;
  const problems: string[] = [];
  const warnings: string[] = [];
  let fresh = 0;
  let already = 0;
  // One transaction for the whole list: a door's worth of check-ins in a moment.
  inTransaction(app.db, () => {
    for (const row of ticked) {
      const who = row.values.pseudonym ?? '';
      const result = organiserCheckIn(app.services, { eventId, pseudonym: who, day: chosen, actor: operator() });
      if (!result.ok) problems.push(`line ${row.line}: ${describeCheckIn(result, eventId, who)}`);
      else {
        if (result.fresh) fresh++;
        else already++;
        // A day still to come is said once; someone not expected, with their line.
        warnings.push(...result.warnings.map((w) => (w.includes('still to come') ? w : `line ${row.line}: ${w}`)));
      }
    }
  });
  for (const w of [...new Set(warnings)]) ctx.err(`Warning: ${w}.`);
  for (const p of problems) ctx.err(p);
  ctx.out(`${eventId} ${chosen}: ${plural(fresh, 'person', 'people')} checked in, ${already} already were, ${plural(problems.length, 'line')} with a problem${header.includes('present') ? `, ${rows.length - ticked.length} not ticked` : ''}.`);
  return problems.length ? 1 : 0;
}
