// `panelbot survey report [--csv] [--chart FILE.png]`: the before/after table of the questionnaires
// (anonymous aggregates only), as text or CSV, and a chart of the means before and after.
import fs from 'node:fs';
import { UsageError, has, one } from './args';
import type { CliContext } from './context';
import { toCsv } from './csv';
import { computeSurveyReport, formatSurveyReport, surveyReportCsv } from '../core/followup/survey-report';
import { surveyChartPng } from '../core/followup/survey-chart';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

export async function surveyCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals[0] !== 'report') throw new UsageError('use "survey report [--csv] [--chart FILE.png]"');
  const app = ctx.openApp();
  const { db, config, clock } = app.services;
  const report = computeSurveyReport(db, config);
  audit(db, operator(), 'survey_report', null, clock.now());
  if (has(ctx.args, 'csv')) {
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
