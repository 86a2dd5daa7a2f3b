// The response to the letters: letters per language set and postcode, and when each eligible registrant
// registered with which letter (for the shortfall projection and the letters to add).
import { count, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { invitations, registrations } from '../schema/index';

export function lettersByLanguageAndPostcode(db: Db): Array<{ languages: string; postcode: string | null; n: number }> {
  return db
    .select({ languages: invitations.languages, postcode: invitations.postcode, n: count() })
    .from(invitations)
    .groupBy(invitations.languages, invitations.postcode)
    .all();
}

export function eligibleRegistrationTimes(db: Db): Array<{ personId: number; at: Date; languages: string; postcode: string | null }> {
  return db
    .select({ personId: registrations.personId, at: registrations.registeredAt, languages: invitations.languages, postcode: invitations.postcode })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.code, registrations.invitationCode))
    .where(eq(registrations.status, 'registered'))
    .all();
}
