// The audit log: who saw or did what, for every organiser action.
import type { Db } from '../client';
import { auditLog } from '../schema/index';

export function audit(db: Db, actor: string, action: string, target: string | null, now: Date): void {
  db.insert(auditLog).values({ actor, action, target, at: now }).run();
}
