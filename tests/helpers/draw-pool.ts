// Generated pools for the draw's tests and bench: registrants who, like real volunteers, do not
// look like the population (more men, more graduates, fewer young people, Brussels over-represented),
// with a few housemates registering together, and the Belgian quotas of panel.example.yaml.
import { seededRng } from '../../src/core/selection/draw/rng';
import type { DrawPerson, DrawQuota } from '../../src/core/selection/draw/types';

type Shares = Record<string, number>;

/** The population targets of panel.example.yaml (draw.quotas). */
export const BELGIAN_TARGETS: Record<string, Shares> = {
  region: { flanders: 0.57, wallonia: 0.32, brussels: 0.11 },
  gender: { woman: 0.5, man: 0.49, non_binary: 0.01 },
  language: { nl: 0.6, fr: 0.37, de: 0.03 },
  age: { '16-24': 0.34, '25-64': 0.47, '65+': 0.19 },
  education: { none: 0.02, primary: 0.05, lower_secondary: 0.15, upper_secondary: 0.31, higher_non_university: 0.22, university: 0.19, other: 0.06 },
};

/** Who registers: the pool's shares. */
const POOL: Record<string, Shares> = {
  region: { flanders: 0.5, wallonia: 0.3, brussels: 0.2 },
  gender: { woman: 0.43, man: 0.55, non_binary: 0.02 },
  age: { '16-24': 0.16, '25-64': 0.62, '65+': 0.22 },
  education: { none: 0.01, primary: 0.03, lower_secondary: 0.08, upper_secondary: 0.2, higher_non_university: 0.25, university: 0.38, other: 0.05 },
};
const LANGUAGE_BY_REGION: Record<string, Shares> = {
  flanders: { nl: 0.97, fr: 0.03, de: 0 },
  wallonia: { nl: 0.03, fr: 0.9, de: 0.07 },
  brussels: { nl: 0.22, fr: 0.77, de: 0.01 },
};

/** min/max per value: the target share of the panel, give or take `slack` (as src/core/selection/features.ts computes). */
export function belgianQuotas(panelSize: number, slack = 1): DrawQuota[] {
  return Object.entries(BELGIAN_TARGETS).flatMap(([feature, shares]) =>
    Object.entries(shares).map(([value, share]) => {
      const exact = share * panelSize;
      return { feature, value, min: Math.max(0, Math.floor(exact) - slack), max: Math.min(panelSize, Math.ceil(exact) + slack) };
    }),
  );
}

export function belgianPool(count: number, seed = 1, householdShare = 0.04): DrawPerson[] {
  const rng = seededRng(seed);
  const pick = (shares: Shares) => {
    let u = rng.next();
    const entries = Object.entries(shares);
    for (const [value, p] of entries) if ((u -= p) < 0) return value;
    return entries[entries.length - 1]![0];
  };
  const people: DrawPerson[] = [];
  for (let i = 0; i < count; i++) {
    const region = pick(POOL.region!);
    // Housemates register together: same region and language, the household of the previous person.
    const previous = people[people.length - 1];
    const housemate = previous && rng.next() < householdShare;
    const features = {
      region: housemate ? previous.features.region! : region,
      language: housemate ? previous.features.language! : pick(LANGUAGE_BY_REGION[region]!),
      gender: pick(POOL.gender!),
      age: pick(POOL.age!),
      education: pick(POOL.education!),
    };
    const id = `P${String(i + 1).padStart(5, '0')}`;
    people.push({ id, features, household: housemate ? previous.household! : `H${i + 1}` });
  }
  return people;
}
