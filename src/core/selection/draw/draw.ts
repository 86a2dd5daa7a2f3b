// The stratified draw: maximin (the fairest chances the quotas allow) or legacy (the fast greedy),
// then one panel drawn by a seeded lottery. Pure apart from HiGHS: the same pool, quotas and seed
// give the same panel.
import { committeeSearch } from './committee-model';
import { prepare, type Prepared } from './groups';
import { highsVersion, loadHighs } from './highs';
import { LEGACY_ATTEMPTS, legacyAttempt, legacyLayout } from './legacy';
import { pickCommittee, seatPeople } from './lottery';
import { solveMaximin } from './maximin';
import { seededRng, type Rng } from './rng';
import type { Algorithm, DrawOptions, DrawProblem, DrawResult } from './types';
import { InfeasibleQuotasError } from './types';
import type { Highs } from 'highs';

export interface LegacyOptions {
  /** Repeated runs to estimate each person's chance (the greedy has no closed form). */
  estimateRuns?: number;
  /** Greedy attempts before the solver completes the panel (100, as sortition-algorithms' max_attempts). */
  legacyAttempts?: number;
}

export async function draw(problem: DrawProblem, algorithm: Algorithm, options: DrawOptions & LegacyOptions): Promise<DrawResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const highs = await loadHighs();
  const prepared = prepare(problem);
  // One quick solve tells whether any panel exists at all, whatever the algorithm.
  const probe = committeeSearch(highs, prepared, problem);
  try {
    if (!probe.best(new Float64Array(prepared.groups.length))) throw new InfeasibleQuotasError();
  } finally {
    probe.dispose();
  }
  return algorithm === 'maximin' ? maximinDraw(highs, prepared, problem, options, started) : legacyDraw(highs, prepared, problem, options, started);
}

function maximinDraw(highs: Highs, prepared: Prepared, problem: DrawProblem, options: DrawOptions, started: number): DrawResult {
  const now = options.now ?? Date.now;
  const rng = seededRng(options.seed);
  const s = solveMaximin(highs, prepared, problem, rng, options, started);
  const panel = seatPeople(prepared, pickCommittee(s.mix, rng), rng);
  const probabilities = new Map<string, number>();
  const dualWeights = new Map<string, number>();
  const uncoverable: string[] = [];
  prepared.groups.forEach((g, i) =>
    g.members.forEach((id) => {
      probabilities.set(id, s.groupProbability[i]!);
      dualWeights.set(id, s.dualWeight[i]!);
      if (!s.coverable[i] && s.coverageComplete) uncoverable.push(id);
    }),
  );
  return {
    algorithm: 'maximin',
    seed: options.seed,
    panel,
    probabilities,
    estimated: false,
    groups: prepared.groups,
    mix: s.mix,
    minProbability: s.minProbability,
    upperBound: s.upperBound,
    dualWeights,
    optimal: s.optimal,
    uncoverable,
    iterations: s.iterations,
    elapsedMs: now() - started,
    fallback: false,
    solver: highsVersion(highs),
  };
}

/** One legacy panel: greedy attempts, then (rarely) a solver's panel with random weights. */
function legacyPanel(highs: Highs, prepared: Prepared, problem: DrawProblem, layout: ReturnType<typeof legacyLayout>, rng: Rng, attempts: number): { panel: string[]; attempts: number; fallback: boolean } {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const panel = legacyAttempt(layout, problem.panelSize, rng);
    if (panel) return { panel, attempts: attempt, fallback: false };
  }
  const search = committeeSearch(highs, prepared, problem);
  try {
    const found = search.best(Float64Array.from(prepared.groups, () => rng.next()));
    if (!found) throw new InfeasibleQuotasError();
    return { panel: seatPeople(prepared, found.counts, rng), attempts, fallback: true };
  } finally {
    search.dispose();
  }
}

function legacyDraw(highs: Highs, prepared: Prepared, problem: DrawProblem, options: DrawOptions & LegacyOptions, started: number): DrawResult {
  const now = options.now ?? Date.now;
  const layout = legacyLayout(prepared, problem);
  const attempts = options.legacyAttempts ?? LEGACY_ATTEMPTS;
  const drawn = legacyPanel(highs, prepared, problem, layout, seededRng(options.seed), attempts);
  // Chances estimated by running the same procedure with other seeds derived from this one.
  const runs = options.estimateRuns ?? 1000;
  const counts = new Map(prepared.people.map((p) => [p.id, 0]));
  const estimator = seededRng(options.seed);
  for (let r = 0; r < runs; r++) {
    const { panel } = legacyPanel(highs, prepared, problem, layout, seededRng(Math.floor(estimator.next() * 2 ** 48)), attempts);
    for (const id of panel) counts.set(id, counts.get(id)! + 1);
    if ((r + 1) % 100 === 0) options.onProgress?.({ phase: 'legacy', iteration: r + 1, committees: 0, minProbability: null, upperBound: null, elapsedMs: now() - started });
  }
  const probabilities = new Map([...counts].map(([id, c]) => [id, runs > 0 ? c / runs : 0]));
  return {
    algorithm: 'legacy',
    seed: options.seed,
    panel: drawn.panel,
    probabilities,
    estimated: true,
    groups: prepared.groups,
    mix: [],
    minProbability: Math.min(...probabilities.values()),
    upperBound: null,
    dualWeights: null,
    optimal: true,
    uncoverable: [],
    iterations: drawn.attempts,
    elapsedMs: now() - started,
    fallback: drawn.fallback,
    solver: highsVersion(highs),
  };
}
