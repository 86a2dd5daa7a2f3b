// The hand-off to sortition-algorithms: people.csv (pseudonym, household, one column per feature),
// quotas.csv (feature,value,min,max) and a settings file with the same-household check on — after the
// checks the tool makes before it draws (feasibility.ts), each failure named.
import type { PanelConfig } from '../panel/config';
import { FEATURES, quotas, traceFeatures, type PoolMember, type QuotaRow } from './features';
import { feasibilityProblems, type FeasibilityProblem } from './feasibility';

export const HOUSEHOLD_COLUMN = 'household';

export interface Handoff {
  peopleHeader: string[];
  peopleRows: string[][];
  quotaRows: QuotaRow[];
  settingsToml: string;
  problems: FeasibilityProblem[];
}

/**
 * Households leave panelbot as opaque labels (H1, H2...): the draw only compares them, and the letters'
 * household references stay here. Someone whose letter has none is a household of their own.
 */
function householdLabels(pool: PoolMember[]): Map<number, string> {
  const label = new Map<string, string>();
  const out = new Map<number, string>();
  for (const m of pool) {
    const key = m.household ? `letter:${m.household}` : `person:${m.personId}`;
    if (!label.has(key)) label.set(key, `H${label.size + 1}`);
    out.set(m.personId, label.get(key)!);
  }
  return out;
}

/** The settings file (TOML) sortition-algorithms reads with --settings (its settings.py). */
export function settingsToml(): string {
  return [
    '# sortition-algorithms settings, written by `panelbot export pool`.',
    '# Each row of people.csv is one eligible registrant, by pseudonym; no two people of one household',
    '# (the household on their invitation letter) are selected together.',
    'id_column = "id"',
    'columns_to_keep = []',
    'check_same_address = true',
    `check_same_address_columns = ["${HOUSEHOLD_COLUMN}"]`,
    'max_attempts = 100',
    'selection_algorithm = "maximin"',
    'solver_backend = "highspy"',
    '# 0: the tool takes its randomness from the operating system (its default, safest).',
    'random_number_seed = 0',
    '',
  ].join('\n');
}

/** ageReferenceDay: the panel's first day, from the calendar (moves included). */
export function buildHandoff(config: PanelConfig, pool: PoolMember[], ageReferenceDay: string): Handoff {
  const households = householdLabels(pool);
  const quotaRows = quotas(config);
  const traced = pool.map((m) => ({ m, trace: traceFeatures(config, m, ageReferenceDay) }));
  const problems: FeasibilityProblem[] = traced.flatMap(({ m, trace }) =>
    trace.problems.map((p) => ({ code: 'value_not_in_feature' as const, message: `${m.pseudonym}: ${p.feature}: ${p.why}` })),
  );
  const candidates = traced.map(({ m, trace }) => ({ id: m.pseudonym, values: trace.values, household: households.get(m.personId)! }));
  // Unmapped answers are named above, once each; the tool's own checks follow.
  problems.push(...feasibilityProblems(quotaRows, config.draw.panelSize, candidates).filter((p) => p.code !== 'value_not_in_feature'));
  return {
    peopleHeader: ['id', HOUSEHOLD_COLUMN, ...FEATURES],
    peopleRows: candidates.map((c) => [c.id, c.household, ...FEATURES.map((f) => c.values[f] ?? '')]),
    quotaRows,
    settingsToml: settingsToml(),
    problems,
  };
}
