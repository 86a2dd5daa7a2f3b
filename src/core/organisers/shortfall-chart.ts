// The shortfall as a picture: per feature value, registrations now and projected at the close, against
// the quota's minimum and the aim. Rendered like the questionnaire chart (Vega-Lite, resvg).
import type { TopLevelSpec } from 'vega-lite';
import { renderPng } from '../followup/survey-chart';
import type { ShortfallReport } from './shortfall';

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const KINDS = ['projected at the close', 'registered now', 'aim', 'quota minimum'];

export function shortfallChartSpec(report: ShortfallReport, title: string): TopLevelSpec {
  const order = report.rows.map((r) => `${r.feature}: ${r.value}`);
  const values = report.rows.flatMap((r) => {
    const label = `${r.feature}: ${r.value}`;
    return [
      { label, kind: KINDS[0], n: r.projected },
      { label, kind: KINDS[1], n: r.registered },
      { label, kind: KINDS[2], n: r.aim },
      { label, kind: KINDS[3], n: r.min },
    ];
  });
  const y = { field: 'label', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 260 } };
  const color = { field: 'kind', type: 'nominal' as const, scale: { domain: KINDS, range: ['#c6dbef', '#2171b5', '#d62728', '#222222'] }, title: null, legend: { orient: 'top' as const, labelLimit: 220 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 16 },
    width: 460,
    height: { step: 16 },
    data: { values },
    layer: [
      {
        transform: [{ filter: { field: 'kind', oneOf: KINDS.slice(0, 2) } }],
        mark: { type: 'bar', height: { band: 0.8 } },
        encoding: { y, x: { field: 'n', type: 'quantitative', stack: null, title: 'registrants' }, color },
      },
      {
        transform: [{ filter: { field: 'kind', oneOf: KINDS.slice(2) } }],
        mark: { type: 'tick', thickness: 3, bandSize: 14 },
        encoding: { y, x: { field: 'n', type: 'quantitative' }, color },
      },
    ],
    config: { font: FONT, background: 'white', view: { stroke: null } },
  };
}

export async function shortfallChartPng(report: ShortfallReport, panelName: string): Promise<Buffer> {
  return renderPng(shortfallChartSpec(report, `${panelName}: registrations against the draw's needs`));
}
