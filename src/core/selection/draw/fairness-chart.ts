// The chart of the fairness report: each stratum's chance of selection (mean, with the range from
// least to most likely), one panel per feature. Vega-Lite to SVG to PNG, as the survey chart.
import type { TopLevelSpec } from 'vega-lite';
import type { FairnessReport } from './fairness';

export function fairnessChartSpec(report: FairnessReport): TopLevelSpec {
  const values = report.strata.map((s) => ({
    feature: s.feature,
    stratum: s.value,
    mean: Math.round(s.mean * 10000) / 100,
    min: Math.round(s.min * 10000) / 100,
    max: Math.round(s.max * 10000) / 100,
    people: s.people,
  }));
  const equal = Math.round((report.panelSize / Math.max(1, report.poolSize)) * 10000) / 100;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Chance of selection by stratum (${report.algorithm}, seed ${report.seed})`, anchor: 'start', fontSize: 15 },
    data: { values },
    facet: { row: { field: 'feature', type: 'nominal', title: null, sort: [...new Set(report.strata.map((s) => s.feature))], header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 420,
      height: { step: 16 },
      layer: [
        { mark: { type: 'bar', color: '#9ecae1' }, encoding: { y: { field: 'stratum', type: 'nominal', title: null, sort: null }, x: { field: 'mean', type: 'quantitative', title: 'chance of selection (%)' } } },
        { mark: { type: 'rule', color: '#08519c' }, encoding: { y: { field: 'stratum', type: 'nominal', sort: null }, x: { field: 'min', type: 'quantitative' }, x2: { field: 'max' } } },
        { mark: { type: 'rule', color: '#e6550d', strokeDash: [4, 3] }, encoding: { x: { datum: equal } } },
      ],
    },
    config: { font: 'DejaVu Sans, Liberation Sans, Arial, sans-serif', background: 'white', view: { stroke: null } },
  };
}

export async function fairnessChartPng(report: FairnessReport): Promise<Buffer> {
  // Vega and resvg load only when a chart is drawn.
  const { renderPng } = await import('../../followup/survey-chart');
  // Independent y scales per feature are intended: Vega-Lite's note about them is not shown.
  return renderPng(fairnessChartSpec(report), { quiet: true });
}
