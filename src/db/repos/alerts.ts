// Alerts for organisers: posted to Slack's alerts channel, and listed by `panelbot alerts` until
// acknowledged there (two facts, kept apart).
// Payloads hold pseudonyms and counts only.
import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { alerts } from '../schema/index';

export function raiseAlert(db: Db, kind: string, payload: Record<string, unknown>, now: Date): void {
  db.insert(alerts).values({ kind, payload: JSON.stringify(payload), createdAt: now }).run();
}

export function lastAlertOf(db: Db, kind: string, since: Date) {
  return db.select().from(alerts).where(and(eq(alerts.kind, kind), gte(alerts.createdAt, since))).orderBy(desc(alerts.id)).limit(1).get();
}

export function unpostedAlerts(db: Db) {
  return db.select().from(alerts).where(isNull(alerts.postedAt)).orderBy(alerts.id).all();
}

export function markAlertPosted(db: Db, id: number, now: Date): void {
  db.update(alerts).set({ postedAt: now }).where(eq(alerts.id, id)).run();
}

/** Alerts no organiser acknowledged in the terminal (posted to Slack or not). */
export function unacknowledgedAlerts(db: Db) {
  return db.select().from(alerts).where(isNull(alerts.acknowledgedAt)).orderBy(alerts.id).all();
}

/** An organiser acknowledged it with `panelbot alerts ack`: it leaves their list; Slack still gets it. */
export function acknowledgeAlert(db: Db, id: number, by: string, now: Date): void {
  db.update(alerts).set({ acknowledgedAt: now, acknowledgedBy: by }).where(and(eq(alerts.id, id), isNull(alerts.acknowledgedAt))).run();
}

/** An alert of this kind and payload that the organisers have not seen yet. */
export function unpostedAlertWith(db: Db, kind: string, payload: string) {
  return db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.kind, kind), eq(alerts.payload, payload), isNull(alerts.postedAt)))
    .get();
}

/** The latest alerts, seen or not (newest last). */
export function recentAlerts(db: Db, limit: number) {
  return db.select().from(alerts).orderBy(desc(alerts.id)).limit(limit).all().reverse();
}

export function alertById(db: Db, id: number) {
  return db.select().from(alerts).where(eq(alerts.id, id)).get();
}
