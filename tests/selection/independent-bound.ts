// An independent check of a maximin result, written apart from the draw's code: one binary
// variable per person (no grouping), the model written as CPLEX LP text and solved by HiGHS's
// one-shot API. For any weights y ≥ 0 summing to 1 over the people some panel can hold, no
// distribution of panels gives all of them more than max over panels of Σ y_i (weak LP duality),
// so that maximum bounds from above what any maximin — sortition-algorithms' included — can reach.
import { loadHighs } from '../../src/core/selection/draw/highs';
import type { DrawProblem } from '../../src/core/selection/draw/types';

function lpModel(problem: DrawProblem, objective: Map<string, number>, force?: string): string {
  const v = new Map(problem.people.map((p, i) => [p.id, `x${i}`]));
  const sum = (ids: string[]) => (ids.length ? ids.map((id) => v.get(id)).join(' + ') : '0 x0');
  const rows = [`size: ${sum(problem.people.map((p) => p.id))} = ${problem.panelSize}`];
  problem.quotas.forEach((q, i) => {
    const ids = problem.people.filter((p) => p.features[q.feature] === q.value).map((p) => p.id);
    if (ids.length === 0) {
      if (q.min > 0) rows.push(`qmin${i}: x0 - x0 >= ${q.min}`);
      return;
    }
    rows.push(`qmin${i}: ${sum(ids)} >= ${q.min}`, `qmax${i}: ${sum(ids)} <= ${q.max}`);
  });
  if (problem.households ?? true) {
    const byHome = new Map<string, string[]>();
    for (const p of problem.people) if (p.household) byHome.set(p.household, [...(byHome.get(p.household) ?? []), p.id]);
    [...byHome.values()].filter((ids) => ids.length > 1).forEach((ids, i) => rows.push(`home${i}: ${sum(ids)} <= 1`));
  }
  if (force) rows.push(`force: ${v.get(force)} = 1`);
  const terms = [...objective].filter(([, w]) => w !== 0).map(([id, w]) => `${w.toPrecision(17)} ${v.get(id)}`);
  return ['Maximize', ` obj: ${terms.length ? terms.join(' + ') : '0 x0'}`, 'Subject To', ...rows.map((r) => ` ${r}`), 'Binary', ` ${[...v.values()].join(' ')}`, 'End'].join('\n');
}

/** max over quota-meeting panels of Σ y_i, solved to optimality; null when no panel exists. */
export async function bestPanelWeight(problem: DrawProblem, y: Map<string, number>, force?: string): Promise<number | null> {
  const highs = await loadHighs();
  const result = highs.solve(lpModel(problem, y, force), { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
  if (result.Status === 'Infeasible') return null;
  if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
  return result.ObjectiveValue;
}

/** Whether some quota-meeting panel includes this person. */
export async function canSit(problem: DrawProblem, id: string): Promise<boolean> {
  return (await bestPanelWeight(problem, new Map(), id)) !== null;
}
