// The fairness report of the last built-in draw, as recorded with it (for `draw report` and Slack).
import type { Db } from '../../db/client';
import { lastDraw } from '../../db/repos/draws';
import type { FairnessReport } from './draw/fairness';

export function lastDrawReport(db: Db): FairnessReport | undefined {
  const row = lastDraw(db);
  if (!row) return undefined;
  const details = JSON.parse(row.details) as { report?: FairnessReport };
  return details.report;
}
