// `panelbot export pool --people people.csv --quotas quotas.csv`: the hand-off to the stratified
// draw, in sortition-algorithms' formats (people: id + one column per feature; quotas: feature,value,min,max).
import fs from 'node:fs';
import { UsageError, one } from './args';
import type { CliContext } from './context';
import { toCsv } from './csv';
import { FEATURES, featuresOf, quotas } from '../core/selection/features';
import { eligiblePool } from '../db/repos/pool';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

export async function exportCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals[0] !== 'pool') throw new UsageError('use "export pool --people people.csv --quotas quotas.csv"');
  const peopleFile = one(ctx.args, 'people');
  const quotasFile = one(ctx.args, 'quotas');
  if (!peopleFile || !quotasFile) throw new UsageError('export pool needs --people FILE and --quotas FILE');
  const app = ctx.openApp();
  const { config } = app.services;
  const pool = eligiblePool(app.db);
  const rows = pool.map((m) => {
    const f = featuresOf(config, m);
    return [m.pseudonym, ...FEATURES.map((feature) => f[feature])];
  });
  fs.writeFileSync(peopleFile, toCsv(['id', ...FEATURES], rows), { mode: 0o600 });
  fs.writeFileSync(quotasFile, toCsv(['feature', 'value', 'min', 'max'], quotas(config).map((q) => [q.feature, q.value, q.min, q.max])));
  audit(app.db, operator(), 'export_pool', `${pool.length} people`, app.services.clock.now());
  ctx.out(`${pool.length} eligible people written to ${peopleFile}; quotas for a panel of ${config.draw.panelSize} written to ${quotasFile}.`);
  return 0;
}
