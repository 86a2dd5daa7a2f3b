// The checks sortition-algorithms makes before it draws (features.py: read_in_features, check_min_max,
// check_desired; people.py: read_in_people, check_enough_people_for_every_feature_value), made here
// before the export so that each failure is named while it can still be fixed. The codes are theirs.
import type { Feature, QuotaRow } from './features';

export interface FeasibilityProblem {
  code:
    | 'min_greater_than_max'
    | 'inconsistent_min_max'
    | 'min_exceeds_number_to_select'
    | 'max_below_number_to_select'
    | 'not_enough_people'
    | 'value_not_in_feature'
    | 'duplicate_id'
    | 'not_enough_households';
  message: string;
}

export interface DrawCandidate {
  id: string;
  values: Partial<Record<Feature, string>>;
  household?: string | null;
}

export function feasibilityProblems(rows: QuotaRow[], panelSize: number, people: DrawCandidate[], checkHouseholds = true): FeasibilityProblem[] {
  const problems: FeasibilityProblem[] = [];
  for (const r of rows) {
    if (r.min > r.max) problems.push({ code: 'min_greater_than_max', message: `${r.feature}/${r.value}: minimum (${r.min}) greater than maximum (${r.max})` });
  }
  const byFeature = new Map<Feature, QuotaRow[]>();
  for (const r of rows) byFeature.set(r.feature, [...(byFeature.get(r.feature) ?? []), r]);
  const sums = [...byFeature].map(([feature, rs]) => ({
    feature,
    min: rs.reduce((s, r) => s + r.min, 0),
    max: rs.reduce((s, r) => s + r.max, 0),
  }));
  if (sums.length) {
    const largestMin = sums.reduce((a, b) => (b.min > a.min ? b : a));
    const smallestMax = sums.reduce((a, b) => (b.max < a.max ? b : a));
    if (largestMin.min > smallestMax.max) {
      problems.push({
        code: 'inconsistent_min_max',
        message: `the smallest maximum is ${smallestMax.max} for feature '${smallestMax.feature}', the largest minimum is ${largestMin.min} for feature '${largestMin.feature}': reduce the minimums for ${largestMin.feature} or increase the maximums for ${smallestMax.feature}`,
      });
    }
  }
  for (const s of sums) {
    if (s.min > panelSize) problems.push({ code: 'min_exceeds_number_to_select', message: `minimum for feature ${s.feature} (${s.min}) is more than the panel size (${panelSize})` });
    if (s.max < panelSize) problems.push({ code: 'max_below_number_to_select', message: `maximum for feature ${s.feature} (${s.max}) is less than the panel size (${panelSize})` });
  }
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.id)) problems.push({ code: 'duplicate_id', message: `id ${p.id} appears twice` });
    seen.add(p.id);
    for (const [feature, rs] of byFeature) {
      const v = p.values[feature];
      if (v === undefined || !rs.some((r) => r.value === v)) problems.push({ code: 'value_not_in_feature', message: `${p.id}: ${feature} has no value among the quotas' values` });
    }
  }
  for (const r of rows) {
    const n = people.filter((p) => p.values[r.feature] === r.value).length;
    if (n < r.min) problems.push({ code: 'not_enough_people', message: `not enough people with the value '${r.value}' in feature '${r.feature}': the minimum is ${r.min} but we only have ${n}` });
  }
  if (checkHouseholds) {
    // With the household check on, one person per household at most: the households must fill the panel.
    const households = new Set(people.map((p) => p.household || `person:${p.id}`)).size;
    if (households < panelSize) problems.push({ code: 'not_enough_households', message: `${households} households for ${panelSize} seats (one person per household at most)` });
  }
  return problems;
}
