// One definition of each number organisers follow, shared by `panelbot stats`, Slack's /panel stats
// and the tests: every registration is in exactly one of eligible (registered now: the pool), not
// eligible (by reason, also once erased), withdrawn, or erased; the draw's outcome is counted over
// everyone who was eligible (eligible + withdrawn + erased), and the answers over the selected,
// whatever became of them since. So the parts always add up to the whole (see countIdentities).
import type { Db } from '../../db/client';
import { invitationTally, registrationTally } from '../../db/repos/organisers';

export interface PanelCounts {
  invitationsImported: number;
  codesInUse: number;
  /** Every registration ever written. */
  registrations: number;
  /** Registered now: the pool the draw takes from. */
  eligible: number;
  /** Found not eligible, by reason (kept after erasure). */
  notEligible: Record<string, number>;
  notEligibleTotal: number;
  withdrawn: number;
  /** Erased (on request or at retention), apart from those found not eligible. */
  erased: number;
  /** The draw's outcome (pending, selected, reserve, not_selected) of everyone who was eligible. */
  selection: Record<string, number>;
  /** The answer (pending, confirmed, declined, …) of everyone selected. */
  participation: Record<string, number>;
}

const add = (into: Record<string, number>, key: string, n: number) => {
  into[key] = (into[key] ?? 0) + n;
};

export function panelCounts(db: Db): PanelCounts {
  const inv = invitationTally(db);
  const c: PanelCounts = {
    invitationsImported: inv.imported,
    codesInUse: inv.claimed,
    registrations: 0,
    eligible: 0,
    notEligible: {},
    notEligibleTotal: 0,
    withdrawn: 0,
    erased: 0,
    selection: {},
    participation: {},
  };
  for (const row of registrationTally(db)) {
    c.registrations += row.n;
    if (row.status === 'ineligible' || row.ineligibleReason !== null) {
      add(c.notEligible, row.ineligibleReason ?? 'unknown', row.n);
      c.notEligibleTotal += row.n;
      continue;
    }
    if (row.status === 'registered') c.eligible += row.n;
    else if (row.status === 'withdrawn') c.withdrawn += row.n;
    else c.erased += row.n;
    add(c.selection, row.selection, row.n);
    if (row.selection === 'selected') add(c.participation, row.participation, row.n);
  }
  return c;
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** The identities the numbers obey; each broken one is named (none: they add up). */
export function countIdentities(c: PanelCounts): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => ok || broken.push(what);
  check(c.registrations === c.eligible + c.notEligibleTotal + c.withdrawn + c.erased, 'registrations = eligible + not eligible + withdrawn + erased');
  check(sum(c.notEligible) === c.notEligibleTotal, 'not eligible = the sum of its reasons');
  check(sum(c.selection) === c.eligible + c.withdrawn + c.erased, 'draw outcomes = everyone who was eligible');
  check(sum(c.participation) === (c.selection.selected ?? 0), 'answers of the selected = selected');
  check(c.codesInUse <= c.invitationsImported, 'codes entered <= codes imported');
  return broken;
}
