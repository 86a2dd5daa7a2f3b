// Maximin (Flanigan et al., Nature 2021; the Sortition Foundation's sortition-algorithms): the
// distribution over quota-meeting committees that makes the least likely person's chance as high
// as possible, found by column generation.
//
// Dual LP over the committees found so far:  minimise z  s.t.  Σ_g c_kg·y_g ≤ z for each committee k,
// Σ_g n_g·y_g = 1, y ≥ 0  (y_g: weight of one person of group g, c_kg: seats of g in k, n_g: its size).
// Its optimum z equals the best minimum probability those committees allow. The MILP then looks for
// the committee with the largest weight Σ c_g·y_g; that weight bounds the true optimum from above.
// When it is no more than z (to a relative gap), no committee can help and the mix is optimal.
import type { Highs, Model } from 'highs';
import { committeeSearch, type CommitteeSearch } from './committee-model';
import type { Prepared } from './groups';
import type { Rng } from './rng';
import type { Composition, DrawOptions, DrawProblem } from './types';

export interface MaximinSolution {
  mix: Array<{ probability: number; counts: Composition }>;
  /** Probability of selection of one member of each group. */
  groupProbability: Float64Array;
  minProbability: number;
  upperBound: number;
  /** Per-person dual weight of each group at the last iteration. */
  dualWeight: Float64Array;
  coverable: boolean[];
  /** False when the time limit came before every group was tried: the others are not proven unable to sit. */
  coverageComplete: boolean;
  optimal: boolean;
  iterations: number;
  committees: number;
}

/** Stop when the upper bound is within this fraction of the achieved minimum. */
export const RELATIVE_GAP = 1e-3;

const keyOf = (c: Composition) => c.join(',');

export function solveMaximin(highs: Highs, prepared: Prepared, problem: DrawProblem, rng: Rng, options: DrawOptions, started: number): MaximinSolution {
  const now = options.now ?? Date.now;
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : Infinity;
  const secondsLeft = () => (deadline === Infinity ? undefined : Math.max(0.01, (deadline - now()) / 1000));
  const n = prepared.groups.length;
  const size = prepared.groups.map((g) => g.members.length);
  const search = committeeSearch(highs, prepared, problem);
  try {
    const committees = new Map<string, Composition>();
    const coverable = new Array<boolean>(n).fill(false);
    const add = (c: Composition) => {
      const key = keyOf(c);
      if (committees.has(key)) return false;
      committees.set(key, c);
      c.forEach((v, g) => v > 0 && (coverable[g] = true));
      return true;
    };
    const progress = (phase: 'initial' | 'maximin', iteration: number, minProbability: number | null, upperBound: number | null) =>
      options.onProgress?.({ phase, iteration, committees: committees.size, minProbability, upperBound, elapsedMs: now() - started });

    // 1. A start where everyone who can sit on a panel sits on one of the committees (as in
    // sortition-algorithms, which then gives the others probability 0). Rather than its rounds of
    // multiplicative weights over every person, ask for committees of people not covered yet
    // (slightly shuffled by the seed) until a round covers no one new, then try the rest one by one.
    let round = 0;
    for (;;) {
      if (now() >= deadline) break;
      const weight = Float64Array.from({ length: n }, (_, g) => (coverable[g] ? 0 : 1) + 0.01 * rng.next());
      const found = search.best(weight, secondsLeft(), false);
      const before = coverable.filter(Boolean).length;
      if (!found || !add(found.counts) || coverable.filter(Boolean).length === before) break;
      progress('initial', ++round, null, null);
    }
    let coverageComplete = true;
    for (let g = 0; g < n; g++) {
      if (coverable[g]) continue;
      if (now() >= deadline) {
        coverageComplete = false;
        break;
      }
      const only = new Float64Array(n);
      only[g] = 1;
      const found = search.best(only, secondsLeft(), false);
      if (found && found.counts[g]! > 0) add(found.counts);
      progress('initial', ++round, null, null);
    }
    if (committees.size === 0) {
      // Not even one committee in the time given: find one whatever the time.
      const found = search.best(new Float64Array(n));
      if (!found) throw new Error('HiGHS found no committee');
      add(found.counts);
    }
    // Groups found coverable only once the time ran out of phase 2 are counted as such anyway.
    const covered = coverable.map((c, g) => (c ? g : -1)).filter((g) => g >= 0);

    // 3. Column generation on the dual LP.
    const dual = dualModel(highs, covered, size);
    try {
      for (const c of committees.values()) dual.addCommittee(c);
      let iterations = 0;
      let upper = Infinity;
      let z = 0;
      let y = new Float64Array(n);
      let optimal = false;
      for (;;) {
        iterations++;
        ({ z, y } = dual.solve());
        if (now() >= deadline) break;
        // A committee that beats z is enough to go on; only when none seems to, prove it (exact search).
        let found = search.best(y, secondsLeft(), false);
        if (found && found.value <= z * (1 + RELATIVE_GAP) + 1e-9) found = search.best(y, secondsLeft());
        if (!found) break; // time limit inside the MILP
        upper = Math.min(upper, found.bound);
        progress('maximin', iterations, z, upper);
        if (found.bound <= z * (1 + RELATIVE_GAP) + 1e-9) {
          optimal = true;
          break;
        }
        if (!add(found.counts)) {
          // The best committee is known already yet the bound says otherwise: numerical noise.
          optimal = found.value <= z * (1 + RELATIVE_GAP) + 1e-9;
          break;
        }
        dual.addCommittee(found.counts);
        // Several committees per LP solve (sortition-algorithms' heuristic): scale down the
        // weights of the committee just added and look again, without re-solving the LP.
        let last = found;
        let zz = z;
        const w = Float64Array.from(y);
        for (let extra = 0; extra < 10 && now() < deadline; extra++) {
          for (let g = 0; g < n; g++) if (last.counts[g]! > 0) w[g]! *= zz / last.value;
          let total = 0;
          for (let g = 0; g < n; g++) total += w[g]! * size[g]!;
          if (total < 1e-12) break;
          for (let g = 0; g < n; g++) w[g]! /= total;
          zz /= total;
          const next = search.best(w, secondsLeft(), false);
          if (!next || next.value <= zz * (1 + 1e-9) || !add(next.counts)) break;
          dual.addCommittee(next.counts);
          last = next;
        }
      }
      const list = [...committees.values()];
      const probabilities = primalMix(highs, list, covered, size);
      const mix = list.map((counts, k) => ({ probability: probabilities[k]!, counts })).filter((m) => m.probability > 1e-9);
      const total = mix.reduce((s, m) => s + m.probability, 0);
      for (const m of mix) m.probability /= total;
      const groupProbability = new Float64Array(n);
      for (const m of mix) for (let g = 0; g < n; g++) groupProbability[g]! += (m.probability * m.counts[g]!) / size[g]!;
      // Cut short before everyone was tried, the people not tried count with their chance of 0.
      const counted = coverageComplete ? covered : prepared.groups.map((_, g) => g);
      const minProbability = counted.length ? Math.min(...counted.map((g) => groupProbability[g]!)) : 0;
      return { mix, groupProbability, minProbability, upperBound: upper, dualWeight: y, coverable, coverageComplete, optimal: optimal && coverageComplete, iterations, committees: committees.size };
    } finally {
      dual.dispose();
    }
  } finally {
    search.dispose();
  }
}

function dualModel(highs: Highs, covered: number[], size: number[]) {
  // Columns: y for each covered group, then z.
  const m = covered.length;
  const model: Model = highs.createModel({
    numCols: m + 1,
    numRows: 1,
    colCost: Float64Array.from({ length: m + 1 }, (_, i) => (i === m ? 1 : 0)),
    colLower: new Float64Array(m + 1),
    colUpper: new Float64Array(m + 1).fill(highs.infinity),
    rowLower: [1],
    rowUpper: [1],
    matrix: { format: 'csr', numRows: 1, numCols: m + 1, starts: [0, m], indices: covered.map((_, i) => i), values: covered.map((g) => size[g]!) },
  });
  model.options.set({ output_flag: false });
  return {
    addCommittee(c: Composition) {
      const indices: number[] = [];
      const values: number[] = [];
      covered.forEach((g, i) => {
        if (c[g]! > 0) {
          indices.push(i);
          values.push(c[g]!);
        }
      });
      indices.push(m);
      values.push(-1);
      model.addRow(-highs.infinity, 0, { indices, values });
    },
    solve() {
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS: the maximin LP ended with status ${model.getModelStatus()}`);
      const x = model.getSolution().colValue;
      const y = new Float64Array(size.length);
      covered.forEach((g, i) => (y[g] = Math.max(0, x[i]!)));
      return { z: x[m]!, y };
    },
    dispose: () => model.dispose(),
  };
}

/** The mix itself: max λ s.t. Σ_k π_k·c_kg ≥ n_g·λ for each covered group, Σ π = 1. */
function primalMix(highs: Highs, committees: Composition[], covered: number[], size: number[]): Float64Array {
  const k = committees.length;
  const rowOf = new Map(covered.map((g, i) => [g, i + 1]));
  // CSC: column j < k is committee j; column k is λ. Row 0 is Σ π = 1.
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const c of committees) {
    indices.push(0);
    values.push(1);
    c.forEach((v, g) => {
      const r = rowOf.get(g);
      if (v > 0 && r !== undefined) {
        indices.push(r);
        values.push(v);
      }
    });
    starts.push(indices.length);
  }
  covered.forEach((g, i) => {
    indices.push(i + 1);
    values.push(-size[g]!);
  });
  starts.push(indices.length);
  const rows = covered.length + 1;
  const model = highs.createModel({
    numCols: k + 1,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from({ length: k + 1 }, (_, j) => (j === k ? 1 : 0)),
    colLower: new Float64Array(k + 1),
    colUpper: Float64Array.from({ length: k + 1 }, (_, j) => (j === k ? highs.infinity : 1)),
    rowLower: Float64Array.from({ length: rows }, (_, r) => (r === 0 ? 1 : 0)),
    rowUpper: Float64Array.from({ length: rows }, (_, r) => (r === 0 ? 1 : highs.infinity)),
    matrix: { format: 'csc', numRows: rows, numCols: k + 1, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS: the mix LP ended with status ${model.getModelStatus()}`);
    return Float64Array.from(model.getSolution().colValue.subarray(0, k), (p) => Math.max(0, p));
  } finally {
    model.dispose();
  }
}
