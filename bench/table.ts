// The one table `npm run bench` prints: each figure beside its reference from the same run.
export interface Row {
  id: string;
  measure: string;
  figure: string;
  reference: string;
  ratio: string;
  target: string;
  verdict: string;
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
export const ratio = (a: number, b: number, digits = 2) => (Number.isFinite(a / b) && b !== 0 ? `${fmt(a / b, digits)}×` : 'n/a');
export const pct = (a: number, b: number) => (b ? `${fmt((100 * a) / b, 1)} %` : 'n/a');
export const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED');

export function notMeasured(id: string, measure: string, why: string, target = ''): Row {
  return { id, measure, figure: `not measured: ${why}`, reference: '', ratio: '', target, verdict: '' };
}

export function render(rows: Row[]): string {
  const head: Row = { id: '#', measure: 'measure', figure: 'figure', reference: 'reference (same run)', ratio: 'ratio', target: 'target', verdict: '' };
  const keys = Object.keys(head) as Array<keyof Row>;
  const widths = keys.map((k) => Math.max(...[head, ...rows].map((r) => r[k].length)));
  const line = (r: Row) => `| ${keys.map((k, i) => r[k].padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
