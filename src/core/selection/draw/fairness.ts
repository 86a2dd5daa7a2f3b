// The fairness report of a draw: how equal the chances were (minimum, mean, Gini), how many
// committees the lottery mixed, each quota's result, and what an observer needs to check the draw
// afterwards (seed, algorithm and solver versions, hashes of the pool and quotas it was run on).
import { quotaResults, type QuotaResult } from './quota-check';
import type { DrawProblem, DrawResult } from './types';

export interface StratumChance {
  feature: string;
  value: string;
  people: number;
  mean: number;
  min: number;
  max: number;
}

export interface FairnessReport {
  algorithm: DrawResult['algorithm'];
  seed: number;
  solver: string;
  panelbot: string;
  poolSize: number;
  panelSize: number;
  households: boolean;
  /** sha256 of the people and quotas files the draw read (the bytes `export pool` writes). */
  poolHash: string;
  quotasHash: string;
  /** Least chance of anyone in the pool, and of anyone some panel can include. */
  min: number;
  minCoverable: number;
  mean: number;
  gini: number;
  /** Distinct committees (seats per group of interchangeable people) the lottery mixes. */
  committeesMixed: number;
  /** Maximin: no distribution can give its least likely person more than this. */
  upperBound: number | null;
  optimal: boolean;
  estimated: boolean;
  uncoverable: number;
  fallback: boolean;
  iterations: number;
  seconds: number;
  quotas: QuotaResult[];
  strata: StratumChance[];
}

/** Gini coefficient of non-negative values: 0 when all equal, towards 1 when one has everything. */
export function gini(values: readonly number[]): number {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((s, x) => s + x, 0);
  if (n === 0 || total === 0) return 0;
  const weighted = xs.reduce((s, x, i) => s + (i + 1) * x, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export function fairnessReport(problem: DrawProblem, result: DrawResult, meta: { panelbot: string; poolHash: string; quotasHash: string }): FairnessReport {
  const chances = problem.people.map((p) => result.probabilities.get(p.id) ?? 0);
  const unable = new Set(result.uncoverable);
  const coverable = problem.people.filter((p) => !unable.has(p.id)).map((p) => result.probabilities.get(p.id) ?? 0);
  const strata = problem.quotas.map((q) => {
    const ps = problem.people.filter((p) => p.features[q.feature] === q.value).map((p) => result.probabilities.get(p.id) ?? 0);
    return {
      feature: q.feature,
      value: q.value,
      people: ps.length,
      mean: ps.length ? ps.reduce((s, x) => s + x, 0) / ps.length : 0,
      min: ps.length ? Math.min(...ps) : 0,
      max: ps.length ? Math.max(...ps) : 0,
    };
  });
  return {
    algorithm: result.algorithm,
    seed: result.seed,
    solver: result.solver,
    panelbot: meta.panelbot,
    poolSize: problem.people.length,
    panelSize: problem.panelSize,
    households: problem.households ?? true,
    poolHash: meta.poolHash,
    quotasHash: meta.quotasHash,
    min: chances.length ? Math.min(...chances) : 0,
    minCoverable: coverable.length ? Math.min(...coverable) : 0,
    mean: chances.length ? chances.reduce((s, x) => s + x, 0) / chances.length : 0,
    gini: gini(chances),
    committeesMixed: result.mix.length,
    upperBound: result.upperBound,
    optimal: result.optimal,
    estimated: result.estimated,
    uncoverable: result.uncoverable.length,
    fallback: result.fallback,
    iterations: result.iterations,
    seconds: Math.round(result.elapsedMs / 100) / 10,
    quotas: quotaResults(problem, result.panel),
    strata,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

/** The report as plain text (terminal, report.txt, Slack). */
export function formatFairnessReport(r: FairnessReport): string {
  const lines = [
    `Draw: ${r.algorithm}${r.estimated ? ' (chances estimated by repeated runs)' : ''}, seed ${r.seed}, ${r.panelSize} seats from ${r.poolSize} people, households ${r.households ? 'kept apart' : 'not checked'}.`,
    `Chances of selection: least ${pct(r.min)}${r.uncoverable ? ` (${r.uncoverable} no panel can include; least of the others ${pct(r.minCoverable)})` : ''}, mean ${pct(r.mean)}, Gini ${r.gini.toFixed(3)}.`,
  ];
  if (r.algorithm === 'maximin') {
    lines.push(
      `Maximin: ${r.committeesMixed} committees mixed, ${r.iterations} iterations, ${r.seconds} s; ` +
        (r.optimal ? `optimal (no distribution gives the least likely more than ${pct(r.upperBound ?? r.minCoverable)}).` : `stopped by the time limit (the best possible is at most ${pct(r.upperBound ?? 1)}).`),
    );
  } else {
    lines.push(`Legacy greedy: ${r.seconds} s${r.fallback ? '; every greedy attempt failed, the solver completed the panel' : ''}.`);
  }
  lines.push('', 'Quota             value                     pool  drawn  min-max  chance (mean, min-max)');
  r.quotas.forEach((q, i) => {
    const s = r.strata[i]!;
    lines.push(
      `${q.feature.padEnd(17)} ${q.value.padEnd(24)} ${String(q.available).padStart(5)}  ${String(q.selected).padStart(5)}  ${`${q.min}-${q.max}`.padStart(7)}  ${pct(s.mean)} (${pct(s.min)}-${pct(s.max)})${q.met ? '' : '  NOT MET'}`,
    );
  });
  lines.push('', `Solver: ${r.solver}; panelbot ${r.panelbot}.`, `people.csv sha256 ${r.poolHash}`, `quotas.csv sha256 ${r.quotasHash}`);
  return lines.join('\n');
}
