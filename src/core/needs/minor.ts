// Who is a minor on the panel's first day (and so must come with a parent or guardian).
import type { Db } from '../../db/client';
import { birthDateOf } from '../../db/repos/registrations';
import { ageOn } from '../registration/parse';
import type { PanelConfig } from '../panel/config';
import { firstPanelDay } from '../selection/features';

/** A minor on the first panel day must come with a parent or guardian. */
export function isMinor(db: Db, config: PanelConfig, personId: number): boolean {
  const birthDate = birthDateOf(db, personId);
  if (!birthDate) return false;
  return ageOn(birthDate, firstPanelDay(config)) < config.registration.guardianBelowAge;
}
