// Writing a completed registration: one prepared statement, as it runs at every registration peak.
// Which columns it fills is what the core hands over (the list of registration fields decides);
// each key is mapped to its SQL column by the schema, so a new field needs no change here.
import { and, eq, getTableColumns, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { people, registrations } from '../schema/index';

type RegistrationColumn = keyof typeof registrations.$inferSelect;

/** What a person's answers fill (and what is derived from them), by column key: empty is null. */
export type RegistrationAnswersRow = Partial<Record<RegistrationColumn, string | boolean | null | undefined>>;

type Bookkeeping = 'personId' | 'invitationCode' | 'consentVersion' | 'consentAt' | 'registeredAt';

export interface NewRegistration extends Omit<RegistrationAnswersRow, Bookkeeping> {
  personId: number;
  invitationCode: string;
  consentVersion: string;
  /** Milliseconds since the epoch, as every timestamp column. */
  consentAt: number;
  registeredAt: number;
}

/** The SQL name of each column, by its key in the schema (firstName: first_name). */
const COLUMN_NAMES: Record<string, string> = Object.fromEntries(Object.entries(getTableColumns(registrations)).map(([key, column]) => [key, column.name]));

function columnName(key: string): string {
  const name = COLUMN_NAMES[key];
  if (!name) throw new Error(`registrations has no column for "${key}"`);
  return name;
}

export function insertRegistration(db: Db, row: NewRegistration): void {
  const keys = Object.keys(row);
  // One statement per set of columns: the core hands over the same set every time.
  const statement = prepared(db, `registrations.insert:${keys.join(',')}`, () =>
    db.$client.prepare(`INSERT INTO registrations (${keys.map(columnName).join(', ')}, status) VALUES (${keys.map((k) => `@${k}`).join(', ')}, 'registered')`),
  );
  const params: Record<string, string | number | null> = {};
  for (const key of keys) {
    const value = row[key as keyof NewRegistration];
    params[key] = value === undefined ? null : typeof value === 'boolean' ? Number(value) : value;
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

/** A correction after registering ("correct"): the same row, updated. */
export function updateRegistrationAnswers(db: Db, personId: number, answers: RegistrationAnswersRow): void {
  db.update(registrations).set(answers as Partial<typeof registrations.$inferInsert>).where(eq(registrations.personId, personId)).run();
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
