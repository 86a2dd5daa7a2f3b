// Leases: one process at a time does a job (sending the outbox), and another takes over only when
// the holder stopped renewing (it crashed, or was stopped without releasing).
import type { Db } from '../client';
import { inTransaction } from '../client';

/** Takes or renews the lease; true when this holder has it until now + ttlMs. */
export function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): boolean {
  return inTransaction(db, () => {
    const changed = db.$client
      .prepare(
        `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
      )
      .run({ name, holder, expires: now.getTime() + ttlMs, now: now.getTime() }).changes;
    return changed === 1;
  });
}

/** Takes the lease from a holder known to be gone; false if someone else took or renewed it first. */
export function takeOverLease(db: Db, name: string, from: string, to: string, now: Date, ttlMs: number): boolean {
  return (
    db.$client.prepare('UPDATE leases SET holder = ?, expires_at = ? WHERE name = ? AND holder = ?').run(to, now.getTime() + ttlMs, name, from).changes === 1
  );
}

/** The lease's recorded holder, expired or not. */
export function leaseRecord(db: Db, name: string): { holder: string; expiresAt: number } | undefined {
  const row = db.$client.prepare('SELECT holder, expires_at AS expiresAt FROM leases WHERE name = ?').get(name) as { holder: string; expiresAt: number } | undefined;
  return row;
}

export function releaseLease(db: Db, name: string, holder: string): void {
  db.$client.prepare('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
}

/** Who holds the lease now, if anyone. */
export function leaseHolder(db: Db, name: string, now: Date): string | undefined {
  const row = db.$client.prepare('SELECT holder FROM leases WHERE name = ? AND expires_at > ?').get(name, now.getTime()) as { holder: string } | undefined;
  return row?.holder;
}
