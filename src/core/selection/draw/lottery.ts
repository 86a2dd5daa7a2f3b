// From a distribution over committees to one panel: a committee drawn with its probability, then,
// in each group of interchangeable people, the members who take its seats, uniformly. Each person's
// chance is then exactly their group's probability.
import type { Prepared } from './groups';
import { sample, type Rng } from './rng';
import type { Composition } from './types';

export function pickCommittee(mix: ReadonlyArray<{ probability: number; counts: Composition }>, rng: Rng): Composition {
  let u = rng.next();
  for (const m of mix) {
    u -= m.probability;
    if (u < 0) return m.counts;
  }
  return mix[mix.length - 1]!.counts;
}

/** The ids filling a committee's seats, in the pool's order. */
export function seatPeople(prepared: Prepared, counts: Composition, rng: Rng): string[] {
  const chosen = new Set<string>();
  prepared.groups.forEach((g, i) => sample(rng, g.members, counts[i]!).forEach((id) => chosen.add(id)));
  return prepared.people.map((p) => p.id).filter((id) => chosen.has(id));
}
