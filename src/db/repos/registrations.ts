// Writing a completed registration: one prepared statement, as it runs at every registration peak.
import type { Db } from '../client';
import { prepared } from '../prepared';

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
