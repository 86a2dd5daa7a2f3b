// The before/after chart: Vega-Lite compiles the spec, Vega renders it to SVG without a browser
// or canvas, and resvg (a prebuilt binary shipped inside its npm package) rasterises it to PNG.
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import type { Db } from '../../db/client';
import type { PanelConfig } from '../panel/config';
import { computeSurveyReport, type Comparison } from './survey-report';

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

export function surveyChartSpec(comparison: Comparison, title: string): TopLevelSpec {
  const values = comparison.items.flatMap((i) => {
    const label = i.statement.length > 60 ? `${i.statement.slice(0, 59)}…` : i.statement;
    const rows: Array<{ item: string; wave: string; mean: number; n: number }> = [];
    if (i.meanBefore !== null) rows.push({ item: label, wave: 'before', mean: Math.round(i.meanBefore * 100) / 100, n: i.nBefore });
    if (i.meanAfter !== null) rows.push({ item: label, wave: 'after', mean: Math.round(i.meanAfter * 100) / 100, n: i.nAfter });
    return rows;
  });
  const order = comparison.items.map((i) => (i.statement.length > 60 ? `${i.statement.slice(0, 59)}…` : i.statement));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 16 },
    width: 420,
    height: { step: 14 },
    data: { values },
    mark: { type: 'bar', height: { band: 1 } },
    encoding: {
      y: { field: 'item', type: 'nominal', sort: order, title: null, axis: { labelLimit: 380 } },
      yOffset: { field: 'wave', type: 'nominal', sort: ['before', 'after'] },
      x: { field: 'mean', type: 'quantitative', scale: { domain: [1, 5], zero: false }, title: 'mean (1 to 5)', axis: { tickCount: 5 } },
      // Bars grow from the scale's 1, not from 0 (which lies outside it).
      x2: { datum: 1 },
      color: { field: 'wave', type: 'nominal', sort: ['before', 'after'], scale: { range: ['#9ecae1', '#08519c'] }, title: null, legend: { orient: 'top' } },
    },
    config: { font: FONT, background: 'white', view: { stroke: null } },
  };
}

/** Vega-Lite's notes on a spec (printed to the console by default), for specs known to be fine. */
interface QuietLogger {
  level(): QuietLogger;
  error(): QuietLogger;
  warn(): QuietLogger;
  info(): QuietLogger;
  debug(): QuietLogger;
}
const QUIET: QuietLogger = { level: () => QUIET, error: () => QUIET, warn: () => QUIET, info: () => QUIET, debug: () => QUIET };

export async function renderPng(spec: TopLevelSpec, options: { quiet?: boolean } = {}): Promise<Buffer> {
  const view = new View(parse(compile(spec, options.quiet ? { logger: QUIET as never } : {}).spec), { renderer: 'none' });
  const svg = await view.toSVG(2);
  view.finalize();
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: 'white' }).render().asPng();
  return Buffer.from(png);
}

/** The chart of the first before/after comparison, as PNG (for the CLI and Slack's `/panel survey`). */
export async function surveyChartPng(db: Db, config: PanelConfig): Promise<Buffer> {
  const report = computeSurveyReport(db, config);
  const comparison = report.comparisons[0];
  if (!comparison) throw new Error('no questionnaire pair (wave before and wave after of one bank) in the configuration');
  return renderPng(surveyChartSpec(comparison, `${config.panel.name.en}: before and after`));
}
