// The numbers organisers follow: letters, registrations and the response rate, eligibility,
// each feature of the pool against its target, and the draw's outcome. Every count comes from
// counts.ts (one definition each), so the parts printed add up to the wholes printed.
import type { Db } from '../../db/client';
import { panelCounts } from './counts';
import { plural } from './plural';
import type { PanelConfig } from '../panel/config';
import { FEATURES, featureValues, featuresOf, type Feature } from '../selection/features';
import { eligiblePool } from '../../db/repos/pool';
import { panelCalendar } from '../panel/calendar';

export interface PanelStats {
  letters: number;
  invitationsImported: number;
  codesInUse: number;
  registrations: number;
  responseRate: number;
  /** Registered now: the pool. */
  eligible: number;
  /** Not eligible, by reason (also once erased). */
  ineligible: Record<string, number>;
  ineligibleTotal: number;
  withdrawn: number;
  /** Erased, apart from the not eligible. */
  erased: number;
  features: Record<Feature, Array<{ value: string; count: number; share: number; target: number }>>;
  /** The draw's outcome of everyone who was eligible (eligible + withdrawn + erased). */
  selection: Record<string, number>;
  /** The answers of everyone selected. */
  participation: Record<string, number>;
}

export function computeStats(db: Db, config: PanelConfig): PanelStats {
  const counts = panelCounts(db);
  const { invitationsImported, codesInUse } = counts;
  const all = counts.registrations;
  const pool = eligiblePool(db);
  const ageReferenceDay = panelCalendar(db, config).firstDay();
  const features = Object.fromEntries(
    FEATURES.map((feature) => {
      const counts = new Map<string, number>();
      for (const m of pool) {
        const v = featuresOf(config, m, ageReferenceDay)[feature];
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const targets = config.draw.quotas[feature] as Record<string, number>;
      const rows = featureValues(config)[feature].map((value) => ({
        value,
        count: counts.get(value) ?? 0,
        share: pool.length ? (counts.get(value) ?? 0) / pool.length : 0,
        target: targets[value] ?? 0,
      }));
      // A value without a target still counts, so each feature's rows add up to the pool.
      const outside = pool.length - rows.reduce((a, r) => a + r.count, 0);
      if (outside > 0) rows.push({ value: '(no target)', count: outside, share: outside / pool.length, target: 0 });
      return [feature, rows];
    }),
  ) as PanelStats['features'];
  return {
    letters: config.registration.letters,
    invitationsImported,
    codesInUse,
    registrations: all,
    responseRate: config.registration.letters ? all / config.registration.letters : 0,
    eligible: counts.eligible,
    ineligible: counts.notEligible,
    ineligibleTotal: counts.notEligibleTotal,
    withdrawn: counts.withdrawn,
    erased: counts.erased,
    features,
    selection: counts.selection,
    participation: counts.participation,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const SELECTION_WORDS: Record<string, string> = { selected: 'selected', reserve: 'reserve', not_selected: 'not selected', pending: 'not drawn' };
const PARTICIPATION_WORDS: Record<string, string> = { pending: 'not answered yet', confirmed: 'confirmed', declined: 'declined' };

/** "selected 4, reserve 2" in a fixed order, the known states first, zeros left out. */
function parts(counts: Record<string, number>, words: Record<string, string>): string {
  const keys = [...Object.keys(words), ...Object.keys(counts).filter((k) => !(k in words)).sort()];
  return keys.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${words[k] ?? k} ${counts[k]}`).join(', ');
}

export function formatStats(s: PanelStats): string {
  const wasEligible = s.eligible + s.withdrawn + s.erased;
  const drawn = Object.entries(s.selection).some(([k, v]) => k !== 'pending' && v > 0);
  const selected = s.selection.selected ?? 0;
  const lines = [
    `Letters sent: ${s.letters} (codes imported: ${s.invitationsImported}, codes entered: ${s.codesInUse})`,
    `Registrations: ${s.registrations} (response rate ${pct(s.responseRate)}) = eligible ${s.eligible} + not eligible ${s.ineligibleTotal} + withdrawn ${s.withdrawn} + erased ${s.erased}`,
    ...(s.ineligibleTotal ? [`Not eligible: ${parts(s.ineligible, {})}`] : []),
    '',
    `The pool against the targets (${plural(s.eligible, 'eligible person', 'eligible people')}):`,
    ...FEATURES.flatMap((f) => [`  ${f}:`, ...s.features[f].map((r) => `    ${r.value.padEnd(24)} ${String(r.count).padStart(6)}  ${pct(r.share).padStart(8)}  target ${pct(r.target)}`)]),
    '',
    drawn ? `Draw, of the ${plural(wasEligible, 'person', 'people')} who were eligible: ${parts(s.selection, SELECTION_WORDS)}` : `Draw: not yet (${plural(s.eligible, 'eligible person', 'eligible people')})`,
    ...(drawn ? [`The ${selected} selected: ${parts(s.participation, PARTICIPATION_WORDS) || 'none'}`] : []),
  ];
  return lines.join('\n');
}
