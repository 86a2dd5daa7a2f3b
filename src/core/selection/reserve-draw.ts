// Reserves drawn by lot among those not selected, weighted so that the reserve list resembles the
// panel's profile; reproducible from a printed seed. Pure: candidates in, an ordered list out.
//
// Why weighted and not a second run of the draw with the same quotas: ten reserves cannot hold
// quotas made for sixty seats (a 1 % or 3 % group rounds to 0 or 1 seat, and five features over ten
// seats is often infeasible), and a reserve replaces one member at a time, so what matters is that
// each feature value of the panel is as likely among the reserves as it is on the panel. The weights
// are raked (below) so that, for each feature, a draw picks each value with the panel's share. The order
// (the reserve rank) is the order of the lot.
import { createHash, randomBytes } from 'node:crypto';

export interface ReserveCandidate<Id extends string | number = string | number> {
  id: Id;
  /** The draw's feature values: feature -> value. */
  features: Record<string, string>;
  /** People of one household are never drawn together; null: a household of one. */
  household?: string | null;
}

export interface ReserveRecord {
  method: 'lot_weighted_to_panel_profile';
  seed: string;
  wanted: number;
  drawn: number;
  /** Those not selected who could be drawn (after the household rule). */
  candidates: number;
  /** Those not selected left out because someone of their household is on the panel. */
  excludedSameHousehold: number;
}

export interface ReserveDraw<Id> {
  ids: Id[];
  record: ReserveRecord;
}

/** A fresh seed to print and record: 16 hexadecimal digits. */
export function newSeed(): string {
  return randomBytes(8).toString('hex');
}

/** A uniform number in (0, 1) that depends only on the seed and the person, never on the file's order. */
function uniform(seed: string, id: string | number): number {
  const h = createHash('sha256').update(`${seed}\u0000${String(id)}`).digest();
  // 52 bits, shifted off zero.
  const hi = h.readUInt32BE(0) >>> 12;
  const lo = h.readUInt32BE(4);
  return (hi * 2 ** 32 + lo + 0.5) / 2 ** 52;
}

function shares(items: Array<Record<string, string>>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const f of items) {
    for (const [feature, value] of Object.entries(f)) {
      const m = out.get(feature) ?? new Map<string, number>();
      m.set(value, (m.get(value) ?? 0) + 1);
      out.set(feature, m);
    }
  }
  for (const m of out.values()) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    for (const [v, n] of m) m.set(v, n / total);
  }
  return out;
}

/**
 * Raking (iterative proportional fitting): weights such that, feature by feature, the weighted share of each
 * value among the candidates is the panel's share. A value nobody on the panel has still gets a small target
 * (half a member), so a short list can always be filled. Starting from equal weights, each round scales the
 * weights of each value by target / weighted share, until no factor moves (at most 50 rounds).
 */
function rakedWeights<C extends ReserveCandidate>(candidates: readonly C[], panelShares: Map<string, Map<string, number>>, panelSize: number): Map<C, number> {
  const n = candidates.length;
  const w = new Float64Array(n).fill(1);
  const floor = panelSize ? 0.5 / panelSize : 1;
  const features = [...new Set(candidates.flatMap((c) => Object.keys(c.features)))].map((feature) => {
    // Each candidate's value as an index, and each value's target share among the values candidates have.
    const values = [...new Set(candidates.map((c) => c.features[feature] ?? ''))];
    const index = new Map(values.map((v, i) => [v, i]));
    const of = Int32Array.from(candidates, (c) => index.get(c.features[feature] ?? '')!);
    const raw = values.map((v) => Math.max(panelShares.get(feature)?.get(v) ?? 0, floor));
    const rawSum = raw.reduce((x, y) => x + y, 0);
    return { of, target: raw.map((r) => r / rawSum) };
  });
  for (let round = 0; round < 50; round++) {
    let moved = 0;
    for (const { of, target } of features) {
      const mass = new Float64Array(target.length);
      let total = 0;
      for (let i = 0; i < n; i++) {
        mass[of[i]!]! += w[i]!;
        total += w[i]!;
      }
      const factor = target.map((t, v) => (t * total) / mass[v]!);
      for (const f of factor) moved = Math.max(moved, Math.abs(f - 1));
      for (let i = 0; i < n; i++) w[i]! *= factor[of[i]!]!;
    }
    if (moved < 1e-9) break;
  }
  return new Map(candidates.map((c, i) => [c, w[i]!]));
}

/**
 * Draws `count` reserves, in rank order, from the pool less the selected people and their households.
 * Weighted sampling without replacement (Efraimidis-Spirakis keys: log(u) / weight, largest first).
 */
export function drawReserves<Id extends string | number>(
  pool: ReadonlyArray<ReserveCandidate<Id>>,
  selectedIds: ReadonlyArray<Id>,
  count: number,
  seed: string,
): ReserveDraw<Id> {
  const selected = new Set<Id>(selectedIds);
  const panel = pool.filter((p) => selected.has(p.id));
  const takenHouseholds = new Set(panel.map((p) => p.household).filter((h): h is string => !!h));
  const rest = pool.filter((p) => !selected.has(p.id));
  const candidates = rest.filter((p) => !p.household || !takenHouseholds.has(p.household));
  const weights = rakedWeights(candidates, shares(panel.map((p) => p.features)), panel.length);
  const weight = (c: ReserveCandidate<Id>) => weights.get(c)!;
  const keyed = candidates
    .map((c) => ({ c, key: Math.log(uniform(seed, c.id)) / weight(c) }))
    .sort((a, b) => b.key - a.key || String(a.c.id).localeCompare(String(b.c.id)));
  const ids: Id[] = [];
  const households = new Set<string>();
  for (const { c } of keyed) {
    if (ids.length >= count) break;
    if (c.household && households.has(c.household)) continue;
    if (c.household) households.add(c.household);
    ids.push(c.id);
  }
  return {
    ids,
    record: {
      method: 'lot_weighted_to_panel_profile',
      seed,
      wanted: count,
      drawn: ids.length,
      candidates: candidates.length,
      excludedSameHousehold: rest.length - candidates.length,
    },
  };
}
