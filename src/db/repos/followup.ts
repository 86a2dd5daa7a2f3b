// Who follow-up messages go to, and who asked for the final report.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { people, registrations, reportRequests } from '../schema/index';

/** Selected people who confirmed they take part and are still active. */
export function participants(db: Db, options: { includeEssentialOnly: boolean }): number[] {
  return db
    .select({ id: people.id, essentialOnly: people.essentialOnly })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.selection, 'selected'), eq(registrations.participation, 'confirmed'), eq(people.status, 'active'), ne(registrations.status, 'ineligible')))
    .all()
    .filter((r) => options.includeEssentialOnly || !r.essentialOnly)
    .map((r) => r.id);
}

/** Remembers that this person wants the report when it comes out. */
export function requestReport(db: Db, personId: number, now: Date): void {
  db.insert(reportRequests).values({ personId, askedAt: now }).onConflictDoNothing().run();
}

/** Active people who asked for the report. */
export function reportRequesters(db: Db): number[] {
  return db
    .select({ id: reportRequests.personId })
    .from(reportRequests)
    .innerJoin(people, eq(people.id, reportRequests.personId))
    .where(eq(people.status, 'active'))
    .all()
    .map((r) => r.id);
}
