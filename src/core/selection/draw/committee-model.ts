// The MILP that finds feasible committees: one integer variable per group (seats it gets, 0..size),
// the panel size, each quota's min and max, at most one seat per household. Built once; each
// search only changes the objective (weights per person) and runs HiGHS again.
import type { Highs, Model } from 'highs';
import type { Prepared } from './groups';
import type { Composition, DrawProblem } from './types';
import { InfeasibleQuotasError } from './types';

export interface CommitteeSearch {
  /** The committee maximising the sum of its members' weights; `bound` is HiGHS's proven upper bound on that sum (tight when `exact`). */
  best(weightPerPerson: ArrayLike<number>, timeLimitSec?: number, exact?: boolean): { counts: Composition; value: number; bound: number } | null;
  dispose(): void;
}

export function committeeSearch(highs: Highs, prepared: Prepared, problem: DrawProblem): CommitteeSearch {
  const n = prepared.groups.length;
  const rows: Array<{ lower: number; upper: number; cols: number[] }> = [];
  rows.push({ lower: problem.panelSize, upper: problem.panelSize, cols: prepared.groups.map((_, g) => g) });
  for (const q of problem.quotas) {
    const cols: number[] = [];
    prepared.groups.forEach((grp, g) => grp.features[q.feature] === q.value && cols.push(g));
    rows.push({ lower: q.min, upper: q.max, cols });
  }
  for (const h of prepared.households) rows.push({ lower: 0, upper: 1, cols: [...h].sort((a, b) => a - b) });
  const starts = [0];
  const indices: number[] = [];
  for (const r of rows) {
    indices.push(...r.cols);
    starts.push(indices.length);
  }
  const model: Model = highs.createModel({
    numCols: n,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: prepared.groups.map((g) => g.members.length),
    rowLower: rows.map((r) => r.lower),
    rowUpper: rows.map((r) => r.upper),
    matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices, values: new Float64Array(indices.length).fill(1) },
    integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
  });
  // Proven optimal committees: the stopping rule relies on the bound, so no gap is left open.
  model.options.set({ output_flag: false, random_seed: 0 });
  const status = highs.constants.modelStatus;
  const all = { kind: 'range' as const, from: 0, to: n - 1 };

  return {
    best(weights, timeLimitSec, exact = true) {
      model.changeColsCost(all, Float64Array.from({ length: n }, (_, g) => weights[g] ?? 0));
      // HiGHS's time limit counts from the last reset of its clocks. The stopping rule relies on the
      // bound, so the searches of the column generation close the gap; the others need any good committee.
      model.options.set({ time_limit: Math.max(0.01, timeLimitSec ?? 1e9), mip_rel_gap: exact ? 1e-7 : 1e-2, mip_abs_gap: exact ? 1e-9 : 1e-6 });
      model.zeroAllClocks();
      model.run();
      const s = model.getModelStatus();
      if (s === status.infeasible) throw new InfeasibleQuotasError();
      if (s !== status.optimal) return null;
      const x = model.getSolution().colValue;
      const counts = Int32Array.from(x, (v) => Math.round(v));
      let value = 0;
      for (let g = 0; g < n; g++) value += (weights[g] ?? 0) * counts[g]!;
      const dual = Number(model.info.get('mip_dual_bound'));
      return { counts, value, bound: Number.isFinite(dual) ? Math.max(dual, value) : value };
    },
    dispose: () => model.dispose(),
  };
}
