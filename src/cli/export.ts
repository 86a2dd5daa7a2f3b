// `panelbot export pool --people people.csv --quotas quotas.csv [--settings settings.toml]`: the hand-off to the
// stratified draw in sortition-algorithms' formats, after the checks it makes before drawing.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, one } from './args';
import type { CliContext } from './context';
import { toCsv } from './csv';
import { buildHandoff } from '../core/selection/handoff';
import { panelCalendar } from '../core/panel/calendar';
import { eligiblePool } from '../db/repos/pool';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

export async function exportCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals[0] !== 'pool') throw new UsageError('use "export pool --people people.csv --quotas quotas.csv [--settings settings.toml]"');
  const peopleFile = one(ctx.args, 'people');
  const quotasFile = one(ctx.args, 'quotas');
  if (!peopleFile || !quotasFile) throw new UsageError('export pool needs --people FILE and --quotas FILE');
  const settingsFile = one(ctx.args, 'settings') ?? path.join(path.dirname(peopleFile), 'settings.toml');
  const app = ctx.openApp();
  const { config } = app.services;
  const pool = eligiblePool(app.db);
  const handoff = buildHandoff(config, pool, panelCalendar(app.db, config).firstDay());
  if (handoff.problems.length) {
    ctx.err(`The draw would fail: ${handoff.problems.length} problem(s), nothing written.`);
    for (const p of handoff.problems) ctx.err(`  ${p.code}: ${p.message}`);
    return 1;
  }
  fs.writeFileSync(peopleFile, toCsv(handoff.peopleHeader, handoff.peopleRows), { mode: 0o600 });
  fs.writeFileSync(quotasFile, toCsv(['feature', 'value', 'min', 'max'], handoff.quotaRows.map((q) => [q.feature, q.value, q.min, q.max])));
  fs.writeFileSync(settingsFile, handoff.settingsToml);
  audit(app.db, operator(), 'export_pool', `${pool.length} people`, app.services.clock.now());
  const n = config.draw.panelSize;
  ctx.out(`${pool.length} eligible people written to ${peopleFile}; quotas for a panel of ${n} to ${quotasFile}; settings (household check on) to ${settingsFile}.`);
  ctx.out('The quotas pass the checks sortition-algorithms makes before it draws. Run the draw with:');
  ctx.out(
    `  sortition csv --settings ${settingsFile} --features-csv ${quotasFile} --people-csv ${peopleFile} ` +
      `--selected-csv selected.csv --remaining-csv remaining.csv --number-wanted ${n}`,
  );
  return 0;
}
