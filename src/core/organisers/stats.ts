// The numbers organisers follow: letters, registrations and the response rate, eligibility,
// each feature of the pool against its target, and the draw's outcome.
import type { Db } from '../../db/client';
import { registrationCounts } from '../../db/repos/organisers';
import type { PanelConfig } from '../panel/config';
import { FEATURES, featureValues, featuresOf, type Feature } from '../selection/features';
import { eligiblePool } from '../../db/repos/pool';

export interface PanelStats {
  letters: number;
  invitationsImported: number;
  codesInUse: number;
  registrations: number;
  responseRate: number;
  eligible: number;
  ineligible: Record<string, number>;
  features: Record<Feature, Array<{ value: string; count: number; share: number; target: number }>>;
  selection: Record<string, number>;
  participation: Record<string, number>;
}

const grouped = (rows: Array<{ key: string | null; n: number }>) => Object.fromEntries(rows.map((r) => [r.key ?? 'unknown', r.n]));

export function computeStats(db: Db, config: PanelConfig): PanelStats {
  const counts = registrationCounts(db);
  const { invitationsImported, codesInUse } = counts;
  const all = counts.registrations;
  const ineligible = grouped(counts.ineligible);
  const pool = eligiblePool(db);
  const features = Object.fromEntries(
    FEATURES.map((feature) => {
      const counts = new Map<string, number>();
      for (const m of pool) {
        const v = featuresOf(config, m)[feature];
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const targets = config.draw.quotas[feature] as Record<string, number>;
      const rows = featureValues(config)[feature].map((value) => ({
        value,
        count: counts.get(value) ?? 0,
        share: pool.length ? (counts.get(value) ?? 0) / pool.length : 0,
        target: targets[value] ?? 0,
      }));
      return [feature, rows];
    }),
  ) as PanelStats['features'];
  const selection = grouped(counts.selection);
  const participation = grouped(counts.participation);
  return {
    letters: config.registration.letters,
    invitationsImported,
    codesInUse,
    registrations: all,
    responseRate: config.registration.letters ? all / config.registration.letters : 0,
    eligible: pool.length,
    ineligible,
    features,
    selection,
    participation,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatStats(s: PanelStats): string {
  const lines = [
    `Letters sent: ${s.letters} (codes imported: ${s.invitationsImported}, codes entered: ${s.codesInUse})`,
    `Registrations: ${s.registrations} (response rate ${pct(s.responseRate)})`,
    `Eligible: ${s.eligible}; not eligible: ${Object.entries(s.ineligible).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    '',
    'The pool against the targets:',
    ...FEATURES.flatMap((f) => [`  ${f}:`, ...s.features[f].map((r) => `    ${r.value.padEnd(24)} ${String(r.count).padStart(6)}  ${pct(r.share).padStart(8)}  target ${pct(r.target)}`)]),
    '',
    `Draw: ${Object.entries(s.selection).map(([k, v]) => `${k} ${v}`).join(', ') || 'not yet'}`,
    `Selected people: ${Object.entries(s.participation).map(([k, v]) => `${k} ${v}`).join(', ') || '—'}`,
  ];
  return lines.join('\n');
}
