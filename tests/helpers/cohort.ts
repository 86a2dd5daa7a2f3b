// Generated registrants, written straight to the store (what 1,170 finished registrations leave behind).
import type { Db } from '../../src/db/client';
import { identities, invitations, people, registrations } from '../../src/db/schema/index';
import { generateCode } from '../../src/core/registration/invitation-code';
import { placeOf } from '../../src/core/panel/belgium';

const GENDERS = ['woman', 'man', 'non_binary', 'self_described'];
const EDUCATION = ['none', 'primary', 'lower_secondary', 'upper_secondary', 'higher_non_university', 'university', 'other'];
const POSTCODES = ['1000', '2000', '3000', '4000', '4700', '5000', '6000', '7000', '8000', '9000', '1050', '3500'];
const LANGS = ['nl', 'fr', 'de', 'en'];

/** A seeded pseudo-random generator, so a failing cohort can be replayed. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function seedCohort(db: Db, size: number, now: Date, seed = 1): number[] {
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const ids: number[] = [];
  db.$client.transaction(() => {
    for (let i = 0; i < size; i++) {
      const language = pick(LANGS);
      const person = db.insert(people).values({ pseudonym: `P-T${seed}-${i}`, language, createdAt: now }).returning({ id: people.id }).get();
      db.insert(identities).values({ channel: 'console', userId: `cohort-${seed}-${i}`, personId: person.id, firstSeenAt: now, lastSeenAt: now }).run();
      const code = generateCode();
      db.insert(invitations).values({ code, languages: language === 'de' ? 'fr+de' : language === 'en' ? 'nl+fr' : language, importedAt: now, claimedBy: person.id, claimedAt: now }).run();
      const postcode = pick(POSTCODES);
      const place = placeOf(postcode)!;
      const year = 1940 + Math.floor(rnd() * 70);
      db.insert(registrations)
        .values({
          personId: person.id,
          invitationCode: code,
          status: 'registered',
          firstName: `First${i}`,
          lastName: `Last${i}`,
          birthDate: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
          gender: pick(GENDERS),
          postcode,
          province: place.province,
          region: place.region,
          germanCommunity: place.germanCommunity,
          education: pick(EDUCATION),
          nationality: 'belgian',
          euVote: 'yes',
          phone: '+32470000000',
          consentVersion: '2027-01',
          consentAt: now,
          registeredAt: now,
        })
        .run();
      ids.push(person.id);
    }
  })();
  return ids;
}
