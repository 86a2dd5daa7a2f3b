// Which reserve takes a freed seat: the one who resembles the person who left most, so that the
// panel keeps the balance the draw made. Pure: profiles in, a ranking out (reused for the draw's
// declines and for a "no" to a weekend).

export interface Profile {
  personId: number;
  gender?: string | null;
  ageBand?: string | null;
  region?: string | null;
  language?: string | null;
}

/** Most important first: a tie on the number of matches is broken by the earlier features. */
export const MATCH_ORDER = ['gender', 'ageBand', 'region', 'language'] as const;

export function matchScore(target: Profile, candidate: Profile): number {
  // Each feature weighs more than all the later ones together: gender 8, age band 4, region 2, language 1.
  return MATCH_ORDER.reduce((score, feature, i) => {
    const a = target[feature];
    const b = candidate[feature];
    // An unknown value ('' or null) matches nothing, not even another unknown.
    return score + (a != null && a !== '' && a === b ? 2 ** (MATCH_ORDER.length - 1 - i) : 0);
  }, 0);
}

/** Reserves from best to worst match; ties keep the reserves' order (their rank from the draw). */
export function rankReserves(target: Profile, reserves: Profile[], exclude: ReadonlySet<number> = new Set()): Profile[] {
  return reserves
    .map((r, index) => ({ r, index, score: matchScore(target, r) }))
    .filter((x) => !exclude.has(x.r.personId) && x.r.personId !== target.personId)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.r);
}

export function bestMatchingReserve(target: Profile, reserves: Profile[], exclude?: ReadonlySet<number>): Profile | undefined {
  return rankReserves(target, reserves, exclude)[0];
}
