// Who is a minor on the panel's first day (and so must come with a parent or guardian).
import type { Db } from '../../db/client';
import { birthDateOf } from '../../db/repos/registrations';
import { ageOn } from '../registration/parse';
import type { PanelConfig } from '../panel/config';
import { panelCalendar } from '../panel/calendar';

/** A minor on the first panel day must come with a parent or guardian. */
export function isMinor(db: Db, config: PanelConfig, personId: number): boolean {
  const birthDate = birthDateOf(db, personId);
  if (!birthDate) return false;
  return ageOn(birthDate, panelCalendar(db, config).firstDay()) < config.registration.guardianBelowAge;
}
