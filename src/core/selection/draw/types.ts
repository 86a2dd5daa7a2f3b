// What a stratified draw takes and gives: a pool of people with one value per feature and a
// household, quotas (min/max seats per feature value), a panel size and a seed.

export interface DrawPerson {
  id: string;
  /** feature name -> value; every value must be one of the quotas' values for that feature. */
  features: Record<string, string>;
  /** People sharing a household: no two of them on the panel (when households are checked). */
  household?: string | null;
}

export interface DrawQuota {
  feature: string;
  value: string;
  min: number;
  max: number;
}

export interface DrawProblem {
  people: DrawPerson[];
  quotas: DrawQuota[];
  panelSize: number;
  /** No two people of one household on the panel (on by default, as in sortition-algorithms). */
  households?: boolean;
}

export type Algorithm = 'maximin' | 'legacy';

export interface DrawProgress {
  phase: 'initial' | 'maximin' | 'legacy';
  iteration: number;
  /** Distinct committees found so far. */
  committees: number;
  /** The lowest probability of selection the committees found so far allow (maximin), if known. */
  minProbability: number | null;
  /** No distribution can give the least likely person more than this (maximin's dual bound). */
  upperBound: number | null;
  elapsedMs: number;
}

export interface DrawOptions {
  seed: number;
  /** Stop improving after this long and use the best distribution so far. */
  timeLimitMs?: number;
  onProgress?: (progress: DrawProgress) => void;
  /** Milliseconds; injected so tests do not depend on the wall clock. */
  now?: () => number;
}

/** A group of interchangeable people: the same feature values and no housemate in the pool. */
export interface Group {
  members: string[];
  features: Record<string, string>;
  /** Set when the group is one person who shares a household with someone else in the pool. */
  household: string | null;
}

/** A committee as a number of seats per group (members of a group are interchangeable). */
export type Composition = Int32Array;

export interface DrawResult {
  algorithm: Algorithm;
  seed: number;
  /** The drawn panel's ids, in the pool's order. */
  panel: string[];
  /** Each person's probability of selection (exact for maximin, estimated by repeated runs for legacy). */
  probabilities: Map<string, number>;
  estimated: boolean;
  groups: Group[];
  /** The distribution over committees (maximin); legacy has none. */
  mix: Array<{ probability: number; counts: Composition }>;
  /** Least probability among the people some panel can hold. */
  minProbability: number;
  /** Maximin: proven upper bound on the best achievable minimum (dual certificate). */
  upperBound: number | null;
  /** Maximin: per-person dual weights of the last iteration (sum 1 over coverable people), for checking the bound. */
  dualWeights: Map<string, number> | null;
  /** True when the stopping rule was met (not cut short by the time limit). */
  optimal: boolean;
  /** People no panel meeting the quotas can include (probability 0). */
  uncoverable: string[];
  iterations: number;
  elapsedMs: number;
  /** Legacy: the greedy failed every attempt and a solver completed the panel. */
  fallback: boolean;
  solver: string;
}

export class InfeasibleQuotasError extends Error {
  constructor(message = 'no panel of this size meets every quota (and the household rule)') {
    super(message);
    this.name = 'InfeasibleQuotasError';
  }
}
