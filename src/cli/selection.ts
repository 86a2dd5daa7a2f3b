// `panelbot selection import --selected selected.csv [--remaining remaining.csv] [--reserves reserves.csv] [--seed S]`:
// reads the draw's output (sortition-algorithms' files, by id), draws the reserves by lot unless the
// organisers give them, records the draw and tells every candidate the outcome, once.
import fs from 'node:fs';
import { UsageError, has, one } from './args';
import type { CliContext } from './context';
import { readCsvFile } from './csv';
import { registeredByPseudonym } from '../db/repos/selection';
import { eligiblePool } from '../db/repos/pool';
import { lastDraw } from '../db/repos/draws';
import { recordDraw, reservesByLot, type DrawToRecord } from '../core/selection/record-draw';
import { panelCalendar } from '../core/panel/calendar';
import { registrationState, registrationWindow } from '../core/registration/window';
import { panelDateTimeWithZone } from '../core/panel/panel-time';
import { newSeed } from '../core/selection/reserve-draw';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

function idsIn(file: string): { ids: string[]; problems: string[] } {
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`);
  const { header, rows } = readCsvFile(file, { required: ['id'] });
  // An organisers' reserves file may carry its own order in a "rank" column.
  const ordered = header.includes('rank') ? [...rows].sort((a, b) => Number(a.values.rank) - Number(b.values.rank)) : rows;
  return { ids: ordered.map((r) => r.values.id ?? '').filter(Boolean), problems: [] };
}

export async function selectionCommand(ctx: CliContext): Promise<number> {
  const usage = 'use "selection import --selected selected.csv [--remaining remaining.csv] [--reserves reserves.csv] [--seed SEED]"';
  if (ctx.args.positionals[0] !== 'import') throw new UsageError(usage);
  const selectedFile = one(ctx.args, 'selected');
  if (!selectedFile) throw new UsageError('selection import needs --selected FILE');
  const remainingFile = one(ctx.args, 'remaining');
  const reservesFile = one(ctx.args, 'reserves');
  if (reservesFile && one(ctx.args, 'seed')) throw new UsageError('--seed draws the reserves by lot; with --reserves the organisers give them: use one or the other');
  const selected = idsIn(selectedFile);
  const remaining = remainingFile ? idsIn(remainingFile) : undefined;
  const given = reservesFile ? idsIn(reservesFile) : undefined;
  const problems = [...selected.problems, ...(remaining?.problems ?? []), ...(given?.problems ?? [])];
  if (problems.length) {
    problems.forEach((p) => ctx.err(p));
    return 1;
  }
  const app = ctx.openApp();
  const { config } = app.services;
  const now = app.services.clock.now();
  // A draw imported while people can still register leaves them out of it: refused unless forced.
  if (registrationState(config, now) === 'open' && !has(ctx.args, 'force')) {
    const closes = panelDateTimeWithZone(new Date(registrationWindow(config).closes.getTime() - 60_000), config.panel.timezone);
    ctx.err(`panelbot: registration is still open (until ${closes}); people registering now would miss the draw. Import after it closes, or add --force.`);
    return 1;
  }
  const byPseudonym = registeredByPseudonym(app.db);
  const unknown = [...selected.ids, ...(remaining?.ids ?? []), ...(given?.ids ?? [])].filter((id) => !byPseudonym.has(id));
  for (const id of unknown) ctx.err(`unknown id ${id} (not an eligible registrant): skipped`);
  const known = (ids: string[]) => ids.filter((id) => byPseudonym.has(id)).map((id) => byPseudonym.get(id)!);
  const selectedIds = known(selected.ids);

  let draw: DrawToRecord;
  if (given) {
    const chosen = new Set(selectedIds);
    const reserves = known(given.ids).filter((id) => !chosen.has(id));
    draw = { source: 'sortition-algorithms files', selected: selectedIds, reserves, reserveMethod: 'reserves_file', reserveSeed: null, details: { reservesFile: reservesFile } };
    ctx.out(`Reserves: ${reserves.length} from ${reservesFile}, in its order${given.ids.length ? '' : ' (empty)'}.`);
  } else {
    // Importing again without --seed draws the same reserves: the recorded seed is reused.
    const seed = one(ctx.args, 'seed') ?? lastDraw(app.db)?.reserveSeed ?? newSeed();
    const inRemaining = remaining ? new Set(known(remaining.ids)) : undefined;
    const chosen = new Set(selectedIds);
    const pool = eligiblePool(app.db).filter((m) => chosen.has(m.personId) || !inRemaining || inRemaining.has(m.personId));
    const lot = reservesByLot(config, pool, selectedIds, config.draw.reserves, seed, panelCalendar(app.db, config).firstDay());
    draw = { source: 'sortition-algorithms files', selected: selectedIds, reserves: lot.ids, reserveMethod: lot.record.method, reserveSeed: seed, details: { ...lot.record } };
    ctx.out(
      `Reserves: ${lot.ids.length} drawn by lot among ${lot.record.candidates} not selected, weighted to resemble the panel (seed ${seed}; ` +
        `${lot.record.excludedSameHousehold} left out for sharing a household with a member). The same seed draws the same reserves: --seed ${seed}`,
    );
    if (lot.ids.length < config.draw.reserves) ctx.err(`note: ${lot.ids.length} reserves drawn, ${config.draw.reserves} wanted.`);
  }
  const recorded = recordDraw(app.db, [...byPseudonym.values()], draw, now);
  audit(app.db, operator(), 'selection_import', `draw ${recorded.drawId}: ${byPseudonym.size} people`, now);
  const { counts, unchanged } = recorded;
  ctx.out(`${counts.selected} selected, ${counts.reserve} reserve(s), ${counts.not_selected} not selected: one message queued to each; ${unchanged} already recorded (nothing sent again).`);
  if (selected.ids.length !== config.draw.panelSize) ctx.err(`note: ${selected.ids.length} selected, the panel size is ${config.draw.panelSize}.`);
  return unknown.length > 0 ? 1 : 0;
}
