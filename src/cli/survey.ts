// `panelbot survey report [--csv] [--json] [--chart FILE.png]`: the before/after table of the
// questionnaires (anonymous aggregates only), as text, CSV or JSON, and a chart of the means.
// `panelbot survey answers [--item ID] [--csv] [--json]`: the open answers, per item, by
// respondent label (no name), with the phase (before/after).
import { panelJson } from '../core/panel/panel-time';
import fs from 'node:fs';
import { InputError, UsageError, has, one } from './args';
import type { CliContext } from './context';
import { toCsv } from './csv';
import { computeSurveyReport, formatSurveyReport, surveyReportCsv } from '../core/followup/survey-report';
import { surveyChartPng } from '../core/followup/survey-chart';
import { openAnswers, openItems, phaseOf } from '../core/followup/open-answers';
import { audit } from '../db/repos/audit';
import { operator } from './operator';
import { plural } from '../core/organisers/plural';

const USAGE = 'use "survey report [--csv] [--json] [--chart FILE.png]" or "survey answers [--item ID] [--csv] [--json]"';

export async function surveyCommand(ctx: CliContext): Promise<number> {
  const sub = ctx.args.positionals[0];
  if (sub === 'answers') return answersCommand(ctx);
  if (sub !== 'report') throw new UsageError(USAGE);
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const report = computeSurveyReport(db, config);
  audit(db, operator(), 'survey_report', null, clock.now());
  if (has(ctx.args, 'json')) ctx.out(panelJson(report, config.panel.timezone));
  else if (has(ctx.args, 'csv')) {
    const { header, rows } = surveyReportCsv(report);
    process.stdout.write(toCsv(header, rows));
  } else ctx.out(formatSurveyReport(report));
  const chart = one(ctx.args, 'chart');
  if (chart) {
    if (report.comparisons.length === 0) {
      ctx.err('panelbot: no chart: the configuration has no questionnaire pair (wave before and wave after of one bank).');
      return 1;
    }
    fs.writeFileSync(chart, await surveyChartPng(db, config));
    ctx.err(`chart written to ${chart}`);
  }
  return 0;
}

async function answersCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const items = openItems(config);
  const item = one(ctx.args, 'item');
  if (item !== undefined && !items.some((q) => q.id === item)) {
    throw new InputError(`no open question "${item}": ${items.length ? `the questionnaires with one (comment: true) are ${items.map((q) => q.id).join(', ')}` : 'no questionnaire has one (comment: true)'}`);
  }
  const answers = openAnswers(db, config, item);
  audit(db, operator(), 'survey_answers', item ?? null, clock.now());
  if (has(ctx.args, 'json')) {
    ctx.out(panelJson(answers, config.panel.timezone));
    return 0;
  }
  if (has(ctx.args, 'csv')) {
    process.stdout.write(toCsv(['item', 'phase', 'respondent', 'answer'], answers.map((a) => [a.item, a.phase, a.respondent, a.text])));
    return 0;
  }
  if (!items.length) ctx.out('No questionnaire has an open question (comment: true in the panel configuration).');
  for (const q of items.filter((x) => item === undefined || x.id === item)) {
    const mine = answers.filter((a) => a.item === q.id);
    ctx.out(`Open question of ${q.id} (${phaseOf(q)} the panel): ${plural(mine.length, 'answer')}`);
    // One answer per block; its further lines indented under it.
    for (const a of mine) ctx.out(`  ${a.respondent}  ${a.text.split('\n').join('\n            ')}`);
    ctx.out('');
  }
  return 0;
}
