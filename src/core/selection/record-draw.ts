// Records a finished draw in one transaction: the draw's record (where the panel came from, how the
// reserves were chosen and the lot's seed), each registrant's outcome with the reserves' rank, and one
// message to each. Used by `selection import` and by the built-in draw.
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/client';
import { insertDraw } from '../../db/repos/draws';
import { setReserveRank } from '../../db/repos/selection';
import type { PanelConfig } from '../panel/config';
import { featuresOf, type PoolMember } from './features';
import { recordOutcome, type Outcome } from './outcome';
import { drawReserves, type ReserveCandidate, type ReserveDraw } from './reserve-draw';

export interface DrawToRecord {
  /** 'sortition-algorithms files', 'built-in maximin'... */
  source: string;
  selected: number[];
  /** Reserves in rank order (rank 1 first). */
  reserves: number[];
  reserveMethod: 'lot_weighted_to_panel_profile' | 'reserves_file';
  reserveSeed: string | null;
  details?: Record<string, unknown>;
}

export interface RecordedDraw {
  drawId: number;
  counts: Record<Outcome, number>;
  /** Outcomes already recorded by an earlier import (no message sent again). */
  unchanged: number;
}

/** The pool as the reserves' lot sees it: features and household per person. */
export function reserveCandidates(config: PanelConfig, pool: PoolMember[], ageReferenceDay: string): Array<ReserveCandidate<number>> {
  return pool.map((m) => ({ id: m.personId, features: featuresOf(config, m, ageReferenceDay), household: m.household }));
}

/** The reserves by lot for a panel drawn from this pool (personIds in, personIds out). */
export function reservesByLot(config: PanelConfig, pool: PoolMember[], selected: number[], count: number, seed: string, ageReferenceDay: string): ReserveDraw<number> {
  return drawReserves(reserveCandidates(config, pool, ageReferenceDay), selected, count, seed);
}

/** Everyone eligible gets an outcome: selected, reserve (with a rank) or not selected. */
export function recordDraw(db: Db, eligible: number[], draw: DrawToRecord, now: Date): RecordedDraw {
  const outcome = new Map<number, Outcome>(eligible.map((id) => [id, 'not_selected']));
  draw.reserves.forEach((id) => outcome.set(id, 'reserve'));
  draw.selected.forEach((id) => outcome.set(id, 'selected'));
  const rank = new Map(draw.reserves.map((id, i) => [id, i + 1]));
  const counts: Record<Outcome, number> = { selected: 0, reserve: 0, not_selected: 0 };
  let unchanged = 0;
  const drawId = inTransaction(db, () => {
    const id = insertDraw(db, {
      source: draw.source,
      selected: draw.selected.length,
      reserves: draw.reserves.length,
      reserveMethod: draw.reserveMethod,
      reserveSeed: draw.reserveSeed,
      details: JSON.stringify(draw.details ?? {}),
      recordedAt: now,
    });
    for (const [personId, result] of outcome) {
      if (recordOutcome(db, personId, result, now)) counts[result]++;
      else unchanged++;
      setReserveRank(db, personId, rank.get(personId) ?? null);
    }
    return id;
  });
  return { drawId, counts, unchanged };
}
