// `panelbot stats [--json]`.
import { has } from './args';
import type { CliContext } from './context';
import { computeStats, formatStats } from '../core/organisers/stats';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

export async function statsCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  const stats = computeStats(app.db, app.services.config);
  audit(app.db, operator(), 'stats', null, app.services.clock.now());
  ctx.out(has(ctx.args, 'json') ? JSON.stringify(stats, null, 2) : formatStats(stats));
  return 0;
}
