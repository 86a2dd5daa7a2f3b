// Each quota's result for a drawn panel, and whether the panel keeps every rule: what the report
// shows and what the tests assert for every draw.
import type { DrawPerson, DrawProblem } from './types';

export interface QuotaResult {
  feature: string;
  value: string;
  min: number;
  max: number;
  selected: number;
  /** In the pool. */
  available: number;
  met: boolean;
}

export function quotaResults(problem: DrawProblem, panel: readonly string[]): QuotaResult[] {
  const chosen = new Set(panel);
  return problem.quotas.map((q) => {
    const inValue = problem.people.filter((p) => p.features[q.feature] === q.value);
    const selected = inValue.filter((p) => chosen.has(p.id)).length;
    return { ...q, selected, available: inValue.length, met: selected >= q.min && selected <= q.max };
  });
}

/** Problems with a panel: its size, a quota missed, two housemates, an unknown or repeated id. */
export function panelProblems(problem: DrawProblem, panel: readonly string[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, DrawPerson>(problem.people.map((p) => [p.id, p]));
  if (panel.length !== problem.panelSize) problems.push(`${panel.length} people drawn for ${problem.panelSize} seats`);
  if (new Set(panel).size !== panel.length) problems.push('someone drawn twice');
  for (const id of panel) if (!byId.has(id)) problems.push(`${id} is not in the pool`);
  for (const r of quotaResults(problem, panel)) if (!r.met) problems.push(`${r.feature}=${r.value}: ${r.selected} drawn, quota ${r.min}-${r.max}`);
  if (problem.households ?? true) {
    const seen = new Set<string>();
    for (const id of panel) {
      const h = byId.get(id)?.household;
      if (!h) continue;
      if (seen.has(h)) problems.push(`two people of household ${h}`);
      seen.add(h);
    }
  }
  return problems;
}
