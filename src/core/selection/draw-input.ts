// The built-in draw's input: exactly what `export pool` hands to sortition-algorithms (the same
// people rows, households as opaque labels, quotas and checks: handoff.ts), as a draw problem.
import type { PanelConfig } from '../panel/config';
import { FEATURES, type PoolMember } from './features';
import { buildHandoff, type Handoff } from './handoff';
import type { DrawProblem } from './draw/types';

export interface DrawInput {
  problem: DrawProblem;
  /** pseudonym -> personId */
  personIds: Map<string, number>;
  handoff: Handoff;
}

/** ageReferenceDay: the panel's first day, from the calendar (moves included). */
export function drawInput(config: PanelConfig, pool: PoolMember[], ageReferenceDay: string, households = true): DrawInput {
  const handoff = buildHandoff(config, pool, ageReferenceDay);
  const column = (name: string) => handoff.peopleHeader.indexOf(name);
  const people = handoff.peopleRows.map((row) => ({
    id: row[column('id')]!,
    household: row[column('household')] || null,
    features: Object.fromEntries(FEATURES.map((f) => [f, row[column(f)]!])),
  }));
  return {
    problem: { people, quotas: handoff.quotaRows, panelSize: config.draw.panelSize, households },
    personIds: new Map(pool.map((m) => [m.pseudonym, m.personId])),
    handoff,
  };
}
