// The numbers organisers follow: letters, registrations and the response rate, eligibility,
// each feature of the pool against its target, and the draw's outcome.
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, registrations } from '../../db/schema/index';
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
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const invitationsImported = n(db.select({ n: count() }).from(invitations).get());
  const codesInUse = n(db.select({ n: count() }).from(invitations).where(isNotNull(invitations.claimedBy)).get());
  const all = n(db.select({ n: count() }).from(registrations).get());
  const ineligible = grouped(
    db.select({ key: registrations.ineligibleReason, n: count() }).from(registrations).where(eq(registrations.status, 'ineligible')).groupBy(registrations.ineligibleReason).all(),
  );
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
  const registered = sql<string>`${registrations.status} = 'registered'`;
  const selection = grouped(
    db.select({ key: registrations.selection, n: count() }).from(registrations).where(registered).groupBy(registrations.selection).all(),
  );
  const participation = grouped(
    db.select({ key: registrations.participation, n: count() }).from(registrations).where(eq(registrations.selection, 'selected')).groupBy(registrations.participation).all(),
  );
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
