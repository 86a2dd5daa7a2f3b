// Writing a completed registration: one prepared statement, as it runs at every registration peak.
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { people, registrations } from '../schema/index';

export interface NewRegistration {
  personId: number;
  invitationCode: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  birthDate?: string | undefined;
  gender?: string | undefined;
  genderText: string | null;
  postcode?: string | undefined;
  province?: string | undefined;
  region?: string | undefined;
  germanCommunity: boolean;
  education?: string | undefined;
  nationality?: string | undefined;
  euVote?: string | undefined;
  phone: string | null;
  email: string | null;
  consentVersion: string;
  /** Milliseconds since the epoch, as every timestamp column. */
  consentAt: number;
  registeredAt: number;
}

const COLUMNS = {
  person_id: 'personId',
  invitation_code: 'invitationCode',
  first_name: 'firstName',
  last_name: 'lastName',
  birth_date: 'birthDate',
  gender: 'gender',
  gender_text: 'genderText',
  postcode: 'postcode',
  province: 'province',
  region: 'region',
  german_community: 'germanCommunity',
  education: 'education',
  nationality: 'nationality',
  eu_vote: 'euVote',
  phone: 'phone',
  email: 'email',
  consent_version: 'consentVersion',
  consent_at: 'consentAt',
  registered_at: 'registeredAt',
} as const satisfies Record<string, keyof NewRegistration>;

export function insertRegistration(db: Db, row: NewRegistration): void {
  const statement = prepared(db, 'registrations.insert', () => {
    const names = Object.keys(COLUMNS);
    return db.$client.prepare(
      `INSERT INTO registrations (${names.join(', ')}, status) VALUES (${names.map((n) => `@${n}`).join(', ')}, 'registered')`,
    );
  });
  const params: Record<string, string | number | null> = {};
  for (const [column, field] of Object.entries(COLUMNS)) {
    const value = row[field];
    params[column] = value === undefined ? null : typeof value === 'boolean' ? Number(value) : value;
  }
  statement.run(params);
}

/** How many are registered, counting no further than `limit` (enough to see a milestone reached). */
export function countRegisteredUpTo(db: Db, limit: number): number {
  const row = prepared(db, 'registrations.countUpTo', () =>
    db.$client.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM registrations WHERE status = 'registered' LIMIT ?)`),
  ).get(limit) as { n: number };
  return row.n;
}

export type RegistrationAnswersRow = Omit<NewRegistration, 'personId' | 'invitationCode' | 'consentVersion' | 'consentAt' | 'registeredAt'>;

/** A correction after registering ("correct"): the same row, updated. */
export function updateRegistrationAnswers(db: Db, personId: number, answers: RegistrationAnswersRow): void {
  db.update(registrations).set(answers).where(eq(registrations.personId, personId)).run();
}

/** A correction made them ineligible (e.g. a birth date): the registration keeps only the reason. */
export function markRegistrationIneligible(db: Db, personId: number, reason: string, clear: readonly string[]): void {
  db.update(registrations)
    .set({ status: 'ineligible', ineligibleReason: reason, ...Object.fromEntries(clear.map((c) => [c, null])) })
    .where(eq(registrations.personId, personId))
    .run();
}

/** Not eligible at the end of the registration: only the code and the reason are kept. */
export function insertIneligibleRegistration(db: Db, personId: number, invitationCode: string, reason: string, now: Date): void {
  db.insert(registrations).values({ personId, invitationCode, status: 'ineligible', ineligibleReason: reason, registeredAt: now }).run();
}

/** registered | ineligible, or undefined before the registration ends. */
export function registrationStatusOf(db: Db, personId: number): string | undefined {
  return db.select({ status: registrations.status }).from(registrations).where(eq(registrations.personId, personId)).get()?.status;
}

export type RegistrationRow = typeof registrations.$inferSelect;

export function registrationOf(db: Db, personId: number): RegistrationRow | undefined {
  return db.select().from(registrations).where(eq(registrations.personId, personId)).get();
}

export function birthDateOf(db: Db, personId: number): string | null | undefined {
  return db.select({ birthDate: registrations.birthDate }).from(registrations).where(eq(registrations.personId, personId)).get()?.birthDate;
}

export function postcodeOf(db: Db, personId: number): string | null | undefined {
  return db.select({ postcode: registrations.postcode }).from(registrations).where(eq(registrations.personId, personId)).get()?.postcode;
}

/** Whether someone registered with this phone number, consented, and was not erased. */
export function registeredWithPhone(db: Db, phone: string): boolean {
  const registered = db
    .select({ personId: registrations.personId })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.phone, phone), eq(registrations.status, 'registered'), isNotNull(registrations.consentAt), ne(people.status, 'erased')))
    .get();
  return Boolean(registered);
}
