// People with the same feature values are interchangeable for the quotas, unless a housemate is in
// the pool: a maximin distribution can give all of them the same chance, so the solver only needs
// how many seats each group gets (an exact reduction: 1,170 people make a few hundred groups).
import type { DrawPerson, DrawProblem, Group } from './types';

export interface Prepared {
  /** Feature names the quotas constrain, in a fixed order. */
  features: string[];
  groups: Group[];
  /** Households with two or more people in the pool, as group indices (households checked only). */
  households: number[][];
  /** Position of each person in the (id-sorted) pool. */
  people: DrawPerson[];
}

export class DrawInputError extends Error {
  override name = 'DrawInputError';
}

export function prepare(problem: DrawProblem): Prepared {
  const checkHouseholds = problem.households ?? true;
  const features = [...new Set(problem.quotas.map((q) => q.feature))].sort();
  const values = new Map(features.map((f) => [f, new Set(problem.quotas.filter((q) => q.feature === f).map((q) => q.value))]));
  for (const q of problem.quotas) {
    if (!(Number.isInteger(q.min) && Number.isInteger(q.max) && q.min >= 0 && q.min <= q.max)) {
      throw new DrawInputError(`quota ${q.feature}=${q.value}: min ${q.min} and max ${q.max} must be whole numbers with 0 ≤ min ≤ max`);
    }
  }
  if (!Number.isInteger(problem.panelSize) || problem.panelSize < 1) throw new DrawInputError(`panel size must be a positive whole number, not ${problem.panelSize}`);
  // A canonical order, so that the same pool in another order gives the same draw.
  const people = [...problem.people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < people.length; i++) if (people[i]!.id === people[i - 1]!.id) throw new DrawInputError(`id ${people[i]!.id} appears twice in the pool`);
  for (const p of people) {
    for (const f of features) {
      const v = p.features[f];
      if (v === undefined || !values.get(f)!.has(v)) throw new DrawInputError(`person ${p.id}: ${f} "${v ?? ''}" has no quota`);
    }
  }
  const size = new Map<string, number>();
  if (checkHouseholds) for (const p of people) if (p.household) size.set(p.household, (size.get(p.household) ?? 0) + 1);
  const shared = (p: DrawPerson) => checkHouseholds && !!p.household && (size.get(p.household) ?? 0) > 1;

  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  const householdGroups = new Map<string, number[]>();
  for (const p of people) {
    const f = Object.fromEntries(features.map((name) => [name, p.features[name]!]));
    if (shared(p)) {
      householdGroups.set(p.household!, [...(householdGroups.get(p.household!) ?? []), groups.length]);
      groups.push({ members: [p.id], features: f, household: p.household! });
      continue;
    }
    const key = JSON.stringify(features.map((name) => p.features[name]));
    const g = byKey.get(key);
    if (g === undefined) {
      byKey.set(key, groups.length);
      groups.push({ members: [p.id], features: f, household: null });
    } else groups[g]!.members.push(p.id);
  }
  return { features, groups, households: [...householdGroups.values()], people };
}

/** Whether a committee (seats per group) meets every quota, the size and the household rule. */
export function compositionMeets(prepared: Prepared, problem: DrawProblem, counts: ArrayLike<number>): boolean {
  let total = 0;
  for (let g = 0; g < prepared.groups.length; g++) {
    const c = counts[g] ?? 0;
    if (c < 0 || c > prepared.groups[g]!.members.length || !Number.isInteger(c)) return false;
    total += c;
  }
  if (total !== problem.panelSize) return false;
  for (const q of problem.quotas) {
    let n = 0;
    prepared.groups.forEach((grp, g) => {
      if (grp.features[q.feature] === q.value) n += counts[g] ?? 0;
    });
    if (n < q.min || n > q.max) return false;
  }
  return prepared.households.every((h) => h.reduce((s, g) => s + (counts[g] ?? 0), 0) <= 1);
}
