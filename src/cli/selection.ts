// `panelbot selection import --selected selected.csv [--remaining remaining.csv]`: reads the draw's
// output (sortition-algorithms' files, by id) and tells every candidate the outcome, once.
import fs from 'node:fs';
import { UsageError, one } from './args';
import type { CliContext } from './context';
import { readCsvFile } from './csv';
import { registeredByPseudonym } from '../db/repos/selection';
import { inTransaction } from '../db/client';
import { recordOutcome, type Outcome } from '../core/selection/outcome';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

function idsIn(ctx: CliContext, file: string): { ids: string[]; problems: string[] } {
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`);
  const { header, rows } = readCsvFile(file);
  if (!header.includes('id')) return { ids: [], problems: [`${file}: no "id" column`] };
  return { ids: rows.map((r) => r.values.id ?? '').filter(Boolean), problems: [] };
}

export async function selectionCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals[0] !== 'import') throw new UsageError('use "selection import --selected selected.csv [--remaining remaining.csv]"');
  const selectedFile = one(ctx.args, 'selected');
  if (!selectedFile) throw new UsageError('selection import needs --selected FILE');
  const remainingFile = one(ctx.args, 'remaining');
  const selected = idsIn(ctx, selectedFile);
  const remaining = remainingFile ? idsIn(ctx, remainingFile) : { ids: [], problems: [] };
  const problems = [...selected.problems, ...remaining.problems];
  if (problems.length) {
    problems.forEach((p) => ctx.err(p));
    return 1;
  }
  const app = ctx.openApp();
  const { config } = app.services;
  const now = app.services.clock.now();
  const byPseudonym = registeredByPseudonym(app.db);
  const unknown = [...selected.ids, ...remaining.ids].filter((id) => !byPseudonym.has(id));
  for (const id of unknown) ctx.err(`unknown id ${id} (not an eligible registrant): skipped`);
  const outcome = new Map<number, Outcome>();
  // Reserves: the first ones of the remaining list, as many as the configuration keeps.
  remaining.ids.filter((id) => byPseudonym.has(id)).forEach((id, i) => outcome.set(byPseudonym.get(id)!, i < config.draw.reserves ? 'reserve' : 'not_selected'));
  for (const id of selected.ids) if (byPseudonym.has(id)) outcome.set(byPseudonym.get(id)!, 'selected');
  // Eligible people in neither file were not selected either.
  for (const personId of byPseudonym.values()) if (!outcome.has(personId)) outcome.set(personId, 'not_selected');

  const counts: Record<Outcome, number> = { selected: 0, reserve: 0, not_selected: 0 };
  let unchanged = 0;
  inTransaction(app.db, () => {
    for (const [personId, result] of outcome) {
      if (recordOutcome(app.db, personId, result, now)) counts[result]++;
      else unchanged++;
    }
    audit(app.db, operator(), 'selection_import', `${outcome.size} people`, now);
  });
  ctx.out(`${counts.selected} selected, ${counts.reserve} reserve(s), ${counts.not_selected} not selected: one message queued to each; ${unchanged} already recorded (nothing sent again).`);
  if (selected.ids.length !== config.draw.panelSize) ctx.err(`note: ${selected.ids.length} selected, the panel size is ${config.draw.panelSize}.`);
  return unknown.length > 0 ? 1 : 0;
}
