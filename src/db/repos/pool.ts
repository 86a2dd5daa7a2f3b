// The eligible registrants, as the draw needs them.
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { invitations, people, registrations } from '../schema/index';

/** One eligible registrant with what the draw reads (the core's PoolMember has this shape). */
export type PoolRow = ReturnType<typeof eligiblePool>[number];

export function eligiblePool(db: Db) {
  return db
    .select({
      personId: registrations.personId,
      pseudonym: people.pseudonym,
      language: people.language,
      letterLanguages: invitations.languages,
      household: invitations.household,
      birthDate: registrations.birthDate,
      gender: registrations.gender,
      region: registrations.region,
      germanCommunity: registrations.germanCommunity,
      education: registrations.education,
    })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .innerJoin(invitations, eq(invitations.code, registrations.invitationCode))
    .where(eq(registrations.status, 'registered'))
    .orderBy(registrations.personId)
    .all();
}
