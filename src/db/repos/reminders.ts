// The reminders already in the outbox, for planning them again (idempotently).
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../client';
import { outbox } from '../schema/index';
import type { StoredPayload } from './outbox';

export interface ReminderRow {
  id: number;
  key: string;
  status: string;
  skipReason: string | null;
  dueAt: Date;
  attempts: number;
}

/** Every reminder ever queued, by idempotency key. */
export function remindersByKey(db: Db): Map<string, ReminderRow> {
  return new Map(
    db
      .select({ id: outbox.id, key: outbox.idempotencyKey, status: outbox.status, skipReason: outbox.skipReason, dueAt: outbox.dueAt, attempts: outbox.attempts })
      .from(outbox)
      .where(and(eq(outbox.kind, 'reminder'), like(outbox.idempotencyKey, 'reminder:%')))
      .all()
      .map((r) => [r.key, r]),
  );
}

/** The same reminder (same key) at a new time, pending again. */
export function rescheduleReminder(db: Db, id: number, times: { dueAt: Date; expiresAt: Date }, payload: StoredPayload): void {
  db.update(outbox)
    .set({ status: 'pending', skipReason: null, dueAt: times.dueAt, expiresAt: times.expiresAt, payload: JSON.stringify(payload), attempts: 0, lastError: null })
    .where(eq(outbox.id, id))
    .run();
}
