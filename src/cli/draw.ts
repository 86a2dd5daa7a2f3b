// `panelbot draw [--algorithm maximin|legacy] [--seed N] [--out DIR] [--dry-run] [--time-limit S] [--households on|off]`:
// the stratified draw inside panelbot, then the reserves by lot, the files of sortition-algorithms'
// formats, the fairness report, and (unless --dry-run) the outcome recorded and told to each.
// `panelbot draw report`: the last recorded draw's fairness report.
import { panelDateTimeWithZone } from '../core/panel/panel-time';
import { localDate } from '../core/panel/time';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomInt } from 'node:crypto';
import { UsageError, has, one } from './args';
import type { CliContext } from './context';
import { toCsv } from './csv';
import { eligiblePool } from '../db/repos/pool';
import { lastDraw } from '../db/repos/draws';
import { registeredByPseudonym } from '../db/repos/selection';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { FEATURES } from '../core/selection/features';
import { drawInput } from '../core/selection/draw-input';
import { panelCalendar } from '../core/panel/calendar';
import { registrationState, registrationWindow } from '../core/registration/window';
import { recordDraw, reservesByLot } from '../core/selection/record-draw';
import { draw, DrawInputError, InfeasibleQuotasError, type Algorithm, type DrawProgress } from '../core/selection/draw/index';
import { fairnessReport, formatFairnessReport, type FairnessReport } from '../core/selection/draw/fairness';
import { lastDrawReport } from '../core/selection/draw-report';
import { packagePath } from '../paths';

const panelbotVersion = () => (JSON.parse(fs.readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const pct = (x: number | null) => (x === null ? '?' : `${(x * 100).toFixed(2)} %`);

function progressPrinter(ctx: CliContext): (p: DrawProgress) => void {
  let last = 0;
  return (p) => {
    // At most one line a second in the first phase; every iteration of the maximin loop.
    if (p.phase !== 'maximin' && p.elapsedMs - last < 1000) return;
    last = p.elapsedMs;
    const time = `${(p.elapsedMs / 1000).toFixed(1)} s`;
    if (p.phase === 'initial') ctx.err(`  finding committees that include everyone who can sit: ${p.committees} so far, ${time}`);
    else if (p.phase === 'maximin') ctx.err(`  iteration ${p.iteration}: ${p.committees} committees, least chance ${pct(p.minProbability)}, at most ${pct(p.upperBound)}, ${time}`);
    else ctx.err(`  estimating the chances: ${p.iteration} runs, ${time}`);
  };
}

export async function drawCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals[0] === 'report') return reportCommand(ctx);
  if (ctx.args.positionals.length) throw new UsageError('use "draw [--algorithm maximin|legacy] [--seed N] [--out DIR] [--dry-run]" or "draw report"');
  const algorithm = (one(ctx.args, 'algorithm') ?? 'maximin') as Algorithm;
  if (algorithm !== 'maximin' && algorithm !== 'legacy') throw new UsageError('--algorithm is maximin or legacy');
  const seedText = one(ctx.args, 'seed');
  if (seedText !== undefined && !/^\d{1,15}$/.test(seedText)) throw new UsageError('--seed is a whole number (up to 15 digits)');
  const seed = seedText !== undefined ? Number(seedText) : randomInt(0, 2 ** 47);
  const limitText = one(ctx.args, 'time-limit');
  if (limitText !== undefined && !(Number(limitText) > 0)) throw new UsageError('--time-limit is a number of seconds');
  const householdsText = one(ctx.args, 'households') ?? 'on';
  if (householdsText !== 'on' && householdsText !== 'off') throw new UsageError('--households is on or off');
  const dryRun = has(ctx.args, 'dry-run');

  const app = ctx.openApp();
  const { config } = app.services;
  const now = app.services.clock.now();
  // A draw while people can still register leaves them out of it: refused unless forced (as selection import).
  if (!dryRun && registrationState(config, now) === 'open' && !has(ctx.args, 'force')) {
    const closes = panelDateTimeWithZone(new Date(registrationWindow(config).closes.getTime() - 60_000), config.panel.timezone);
    ctx.err(`panelbot: registration is still open (until ${closes}); people registering now would miss the draw. Draw after it closes, try it with --dry-run, or add --force.`);
    return 1;
  }
  const pool = eligiblePool(app.db);
  const input = drawInput(config, pool, panelCalendar(app.db, config).firstDay(), householdsText === 'on');
  if (input.handoff.problems.length) {
    ctx.err(`The draw cannot run: ${input.handoff.problems.length} problem(s), nothing drawn.`);
    for (const p of input.handoff.problems) ctx.err(`  ${p.code}: ${p.message}`);
    return 1;
  }
  // The same files as `export pool` writes: their hashes let anyone check the input afterwards.
  const peopleCsv = toCsv(input.handoff.peopleHeader, input.handoff.peopleRows);
  const quotasCsv = toCsv(['feature', 'value', 'min', 'max'], input.handoff.quotaRows.map((q) => [q.feature, q.value, q.min, q.max]));
  const poolHash = sha256(peopleCsv);
  const quotasHash = sha256(quotasCsv);
  const source = `built-in ${algorithm}`;
  const prior = lastDraw(app.db);
  if (prior && !dryRun) {
    const details = JSON.parse(prior.details) as { report?: FairnessReport };
    const replay = prior.source === source && details.report?.seed === seed && details.report?.poolHash === poolHash && details.report?.quotasHash === quotasHash;
    if (!replay) {
      ctx.err(`A draw is already recorded (draw ${prior.id}, ${prior.source}, ${panelDateTimeWithZone(prior.recordedAt, config.panel.timezone)}) and its outcome was sent. A new draw would change people's outcomes: not done. Use --dry-run to compare.`);
      return 1;
    }
  }
  const out = one(ctx.args, 'out') ?? path.join('data', 'draws', `${localDate(now, config.panel.timezone)}-${algorithm}-${seed}`);
  ctx.out(`Drawing ${config.draw.panelSize} seats from ${pool.length} eligible people with ${algorithm}, seed ${seed}${dryRun ? ' (dry run: nothing recorded, nobody told)' : ''}.`);

  let result;
  try {
    result = await draw(input.problem, algorithm, {
      seed,
      onProgress: progressPrinter(ctx),
      ...(limitText ? { timeLimitMs: Number(limitText) * 1000 } : {}),
    });
  } catch (error) {
    if (error instanceof InfeasibleQuotasError) {
      ctx.err(`No panel of ${config.draw.panelSize} meets every quota${input.problem.households ? ' with at most one person per household' : ''}: widen the quotas (draw.slack, draw.quotas) or check the pool (npx panelbot stats).`);
      return 1;
    }
    if (error instanceof DrawInputError) {
      ctx.err(`The draw's input is not valid: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const report = fairnessReport(input.problem, result, { panelbot: panelbotVersion(), poolHash, quotasHash });
  const selectedIds = result.panel.map((id) => input.personIds.get(id)!);
  const lot = reservesByLot(config, pool, selectedIds, config.draw.reserves, String(seed), panelCalendar(app.db, config).firstDay());
  const pseudonymOf = new Map([...input.personIds].map(([p, id]) => [id, p]));

  // Files: sortition-algorithms' selected and remaining (housemates of the selected left out, as it does).
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  const byId = new Map(input.problem.people.map((p) => [p.id, p]));
  const row = (id: string) => [id, ...FEATURES.map((f) => byId.get(id)!.features[f]!)];
  const chosen = new Set(result.panel);
  const takenHouseholds = new Set(result.panel.map((id) => byId.get(id)!.household).filter(Boolean));
  const remaining = input.problem.people.filter((p) => !chosen.has(p.id) && !(input.problem.households && p.household && takenHouseholds.has(p.household)));
  const write = (name: string, text: string | Buffer) => fs.writeFileSync(path.join(out, name), text, { mode: 0o600 });
  write('selected.csv', toCsv(['id', ...FEATURES], result.panel.map(row)));
  write('remaining.csv', toCsv(['id', ...FEATURES], remaining.map((p) => row(p.id))));
  write('reserves.csv', toCsv(['id', 'rank'], lot.ids.map((id, i) => [pseudonymOf.get(id)!, i + 1])));
  write('probabilities.csv', toCsv(['id', 'probability'], input.problem.people.map((p) => [p.id, (result.probabilities.get(p.id) ?? 0).toFixed(8)])));
  write('people.csv', peopleCsv);
  write('quotas.csv', quotasCsv);
  const text = formatFairnessReport(report);
  write('report.txt', `${text}\n`);
  write('report.json', `${JSON.stringify(report, null, 2)}\n`);
  try {
    const { fairnessChartPng } = await import('../core/selection/draw/fairness-chart');
    write('chances-by-stratum.png', await fairnessChartPng(report));
  } catch (error) {
    ctx.err(`note: the chart could not be drawn (${(error as Error).message}).`);
  }
  ctx.out(`\n${text}\n`);
  ctx.out(`Reserves: ${lot.ids.length} drawn by lot among ${lot.record.candidates} not selected, weighted to resemble the panel (seed ${seed}).`);
  ctx.out(`Files in ${out}: selected.csv, remaining.csv, reserves.csv, probabilities.csv, people.csv, quotas.csv, report.txt, report.json, chances-by-stratum.png.`);
  if (report.quotas.some((q) => !q.met)) throw new Error('the drawn panel misses a quota: this is a bug, nothing recorded');
  if (dryRun) {
    ctx.out(`Dry run: nothing recorded, nobody told. The same seed draws the same panel: --seed ${seed}`);
    return 0;
  }
  const recorded = recordDraw(
    app.db,
    [...registeredByPseudonym(app.db).values()],
    { source, selected: selectedIds, reserves: lot.ids, reserveMethod: lot.record.method, reserveSeed: String(seed), details: { ...lot.record, report } },
    now,
  );
  audit(app.db, operator(), 'draw', `draw ${recorded.drawId}: ${algorithm}, seed ${seed}, pool ${poolHash.slice(0, 16)}`, now);
  const { counts, unchanged } = recorded;
  ctx.out(`${counts.selected} selected, ${counts.reserve} reserve(s), ${counts.not_selected} not selected: one message queued to each; ${unchanged} already recorded (nothing sent again).`);
  return 0;
}

async function reportCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  const report = lastDrawReport(app.db);
  if (!report) {
    ctx.err('No built-in draw is recorded yet (npx panelbot draw).');
    return 1;
  }
  audit(app.db, operator(), 'draw_report', null, app.services.clock.now());
  ctx.out(formatFairnessReport(report));
  const file = one(ctx.args, 'chart');
  if (file) {
    const { fairnessChartPng } = await import('../core/selection/draw/fairness-chart');
    fs.writeFileSync(file, await fairnessChartPng(report));
    ctx.out(`Chart written to ${file}.`);
  }
  return 0;
}
