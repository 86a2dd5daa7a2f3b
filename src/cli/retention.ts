// `panelbot retention run [--dry-run]`: erases personal data once the panel's end plus
// retention.monthsAfterEnd has passed (the scheduler does the same with runRetention).
import { panelDateTimeWithZone } from '../core/panel/panel-time';
import { UsageError, has } from './args';
import type { CliContext } from './context';
import { runRetention } from '../core/privacy/retention';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { plural } from '../core/organisers/plural';

export async function retentionCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals[0] !== 'run') throw new UsageError('use "retention run [--dry-run]"');
  const app = ctx.openApp();
  const { clock } = app.services;
  const now = clock.now();
  const dryRun = has(ctx.args, 'dry-run');
  const result = runRetention(app.services, now, { dryRun });
  audit(app.db, operator(), dryRun ? 'retention_dry_run' : 'retention_run', `${result.people}`, now);
  if (now < result.due) {
    ctx.out(`Not yet: personal data is erased from ${panelDateTimeWithZone(result.due, app.services.config.panel.timezone)} (the effective end of the last event + ${app.services.config.retention.monthsAfterEnd} months).`);
    return 0;
  }
  if (dryRun) ctx.out(`Dry run: ${plural(result.people, 'person', 'people')} would be erased; ${plural(result.unpaidClaims, 'confirmed compensation claim')} not marked paid.`);
  else ctx.out(`${plural(result.people, 'person', 'people')} erased; ${result.unpaidClaims} of them had a compensation claim not marked paid. Payment records are kept apart.`);
  return 0;
}
