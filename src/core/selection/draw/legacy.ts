// The legacy algorithm of sortition-algorithms (the Sortition Foundation's original greedy draw):
// fill the most urgent quota first (the highest ratio of seats still needed to people left), pick
// someone at random in it, drop their housemates, and drop everyone of a value whose maximum is
// reached. Fast, but it can paint itself into a corner: it is retried, and when every attempt
// fails a solver completes the panel, so it succeeds whenever any panel meets the quotas.
import type { Prepared } from './groups';
import type { Rng } from './rng';
import type { DrawProblem } from './types';

export const LEGACY_ATTEMPTS = 100;

interface Layout {
  ids: string[];
  /** Quota indices of each person (one per constrained feature). */
  cats: number[][];
  members: number[][];
  min: number[];
  max: number[];
  housemates: number[][];
}

export function legacyLayout(prepared: Prepared, problem: DrawProblem): Layout {
  const people = prepared.people;
  const catIndex = new Map(problem.quotas.map((q, i) => [`${q.feature}\u0000${q.value}`, i]));
  const cats = people.map((p) => prepared.features.map((f) => catIndex.get(`${f}\u0000${p.features[f]}`)!));
  const members: number[][] = problem.quotas.map(() => []);
  cats.forEach((cs, i) => cs.forEach((c) => members[c]!.push(i)));
  const byHousehold = new Map<string, number[]>();
  if (problem.households ?? true) people.forEach((p, i) => p.household && byHousehold.set(p.household, [...(byHousehold.get(p.household) ?? []), i]));
  const housemates = people.map((p, i) => (p.household && byHousehold.has(p.household) ? byHousehold.get(p.household)!.filter((j) => j !== i) : []));
  return { ids: people.map((p) => p.id), cats, members, min: problem.quotas.map((q) => q.min), max: problem.quotas.map((q) => q.max), housemates };
}

/** One greedy attempt: the panel's ids, or null when it got stuck or missed a quota. */
export function legacyAttempt(layout: Layout, panelSize: number, rng: Rng): string[] | null {
  const { cats, members, min, max, housemates } = layout;
  const alive = new Uint8Array(cats.length).fill(1);
  const remaining = members.map((m) => m.length);
  const selected = new Array<number>(min.length).fill(0);
  let left = cats.length;
  const remove = (i: number) => {
    if (!alive[i]) return;
    alive[i] = 0;
    left--;
    for (const c of cats[i]!) remaining[c]!--;
  };
  const emptyValue = (c: number) => members[c]!.forEach(remove);
  const stuck = () => remaining.some((r, c) => r < min[c]! - selected[c]!);
  for (let c = 0; c < min.length; c++) if (max[c] === 0) emptyValue(c);
  if (stuck()) return null;
  const panel: number[] = [];
  for (let count = 0; count < panelSize; count++) {
    let best = -1;
    let bestRatio = -Infinity;
    for (let c = 0; c < min.length; c++) {
      if (remaining[c]! === 0 || max[c] === 0) continue;
      const ratio = (min[c]! - selected[c]!) / remaining[c]!;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = c;
      }
    }
    if (best < 0) return null;
    let r = rng.below(remaining[best]!);
    let person = -1;
    for (const i of members[best]!) if (alive[i] && r-- === 0) {
      person = i;
      break;
    }
    panel.push(person);
    remove(person);
    for (const c of cats[person]!) selected[c]!++;
    housemates[person]!.forEach(remove);
    for (const c of cats[person]!) if (selected[c] === max[c]) emptyValue(c);
    if (stuck()) return null;
    if (count < panelSize - 1 && left === 0) return null;
  }
  // The greedy can still end outside a quota's range (a maximum overshot by the last picks).
  for (let c = 0; c < min.length; c++) if (selected[c]! < min[c]! || selected[c]! > max[c]!) return null;
  return panel.map((i) => layout.ids[i]!);
}
