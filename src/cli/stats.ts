// `panelbot stats [--json] [--chart FILE.png]`: the numbers, then the shortfalls against the draw's needs
// (and their chart).
import fs from 'node:fs';
import { has, one } from './args';
import type { CliContext } from './context';
import { computeStats, formatStats } from '../core/organisers/stats';
import { shortfallOf } from '../core/organisers/shortfall-of-panel';
import { formatShortfall } from '../core/organisers/shortfall';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { panelJson } from '../core/panel/panel-time';

export async function statsCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  const { config, clock } = app.services;
  const stats = computeStats(app.db, config);
  const shortfall = shortfallOf(app.db, config, clock.now());
  audit(app.db, operator(), 'stats', null, clock.now());
  ctx.out(has(ctx.args, 'json') ? panelJson({ ...stats, shortfall }, app.services.config.panel.timezone) : `${formatStats(stats)}\n\n${formatShortfall(shortfall)}`);
  const chart = one(ctx.args, 'chart');
  if (chart) {
    // Vega and resvg load only when a chart is asked for.
    const { shortfallChartPng } = await import('../core/organisers/shortfall-chart');
    fs.writeFileSync(chart, await shortfallChartPng(shortfall, config.panel.name.en));
    ctx.err(`chart written to ${chart}`);
  }
  return 0;
}
