// `panelbot logistics EVENT [--csv | --json] [--counts]`: meals, childcare, companions, hotel rooms,
// accessibility and languages for each day of an event; names only where a name is needed.
import { panelJson } from '../core/panel/panel-time';
import { UsageError, has } from './args';
import type { CliContext } from './context';
import { computeLogistics, formatLogistics, logisticsCsv } from '../core/needs/logistics';
import { LOGISTICS_CSV_HEADER, logisticsData } from '../core/needs/logistics-format';
import { toCsv } from './csv';
import { eventNames } from '../core/panel/calendar';

export async function logisticsCommand(ctx: CliContext): Promise<number> {
  const eventId = ctx.args.positionals[0];
  if (!eventId) throw new UsageError('logistics needs an EVENT id (see panelbot events list)');
  const app = ctx.openApp();
  const { db, config } = app.services;
  const report = computeLogistics(db, config, eventId);
  if (!report) {
    ctx.err(`panelbot: no event "${eventId}" (events: ${eventNames(config).map((e) => e.id).join(', ')})`);
    return 1;
  }
  const detail = has(ctx.args, 'counts') ? 'counts' : 'names';
  if (has(ctx.args, 'json')) ctx.out(panelJson(logisticsData(report, detail), config.panel.timezone));
  else if (has(ctx.args, 'csv')) process.stdout.write(toCsv(LOGISTICS_CSV_HEADER, logisticsCsv(report, detail)));
  else ctx.out(formatLogistics(report, { detail, timeZone: config.panel.timezone }));
  return 0;
}
