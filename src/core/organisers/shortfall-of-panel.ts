// The shortfall report of this panel now: the store's registrations and letters, the configured quotas,
// the registration's opening and closing days in the panel's time zone.
import type { Db } from '../../db/client';
import { eligiblePool } from '../../db/repos/pool';
import { eligibleRegistrationTimes, lettersByLanguageAndPostcode } from '../../db/repos/response';
import { placeOf } from '../panel/belgium';
import type { PanelConfig } from '../panel/config';
import { registrationWindow } from '../registration/window';
import { panelCalendar } from '../panel/calendar';
import { quotas, traceFeatures } from '../selection/features';
import { computeShortfall, type ShortfallReport } from './shortfall';

/** A letter's cell: its languages and the region of its postcode. */
export function cellOf(languages: string, postcode: string | null): string {
  const region = (postcode && placeOf(postcode)?.region) || 'unknown region';
  return `${languages} · ${region}`;
}

export function shortfallOf(db: Db, config: PanelConfig, now: Date): ShortfallReport {
  // Registration closes at the end of its last day.
  const { opens, closes } = registrationWindow(config);
  const ageReferenceDay = panelCalendar(db, config).firstDay();
  const features = new Map(eligiblePool(db).map((m) => [m.personId, traceFeatures(config, m, ageReferenceDay).values]));
  const letters = new Map<string, number>();
  for (const l of lettersByLanguageAndPostcode(db)) {
    const cell = cellOf(l.languages, l.postcode);
    letters.set(cell, (letters.get(cell) ?? 0) + l.n);
  }
  const registrations = eligibleRegistrationTimes(db).map((r) => ({ at: r.at, values: features.get(r.personId) ?? {}, cell: cellOf(r.languages, r.postcode) }));
  return computeShortfall({ now, opens, closes, quotas: quotas(config), aimPerMinimumSeat: config.draw.aimPerMinimumSeat, registrations, letters });
}
