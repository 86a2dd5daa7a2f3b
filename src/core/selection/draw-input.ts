// The draw's input from the store: the eligible pool (as `export pool` computes it, with each
// letter's household) and the quotas of the configuration, as files an observer can hash.
import { createHash } from 'node:crypto';
import type { PanelConfig } from '../panel/config';
import { FEATURES, featuresOf, quotas, type PoolMember } from './features';
import type { DrawProblem } from './draw/types';

export interface DrawInput {
  problem: DrawProblem;
  /** pseudonym -> personId */
  personIds: Map<string, number>;
  poolCsv: string;
  quotasCsv: string;
  poolHash: string;
  quotasHash: string;
}

const cell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (header: string[], rows: Array<Array<string | number>>) => [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function drawInput(config: PanelConfig, pool: PoolMember[], households = true): DrawInput {
  const people = pool.map((m) => ({ id: m.pseudonym, features: featuresOf(config, m) as Record<string, string>, household: m.household }));
  const rows = pool.map((m, i) => [m.pseudonym, ...FEATURES.map((f) => people[i]!.features[f]!), m.household ?? '']);
  const poolCsv = csv(['id', ...FEATURES, 'household'], rows);
  const quotaRows = quotas(config);
  const quotasCsv = csv(['feature', 'value', 'min', 'max'], quotaRows.map((q) => [q.feature, q.value, q.min, q.max]));
  return {
    problem: { people, quotas: quotaRows, panelSize: config.draw.panelSize, households },
    personIds: new Map(pool.map((m) => [m.pseudonym, m.personId])),
    poolCsv,
    quotasCsv,
    poolHash: sha256(poolCsv),
    quotasHash: sha256(quotasCsv),
  };
}
