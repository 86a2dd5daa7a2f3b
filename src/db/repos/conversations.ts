// Where each person is in a conversation: a stack of frames, saved with every message.
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { conversations } from '../schema/index';
import type { Frame } from '../../core/flow';

export function loadStack(db: Db, personId: number): Frame[] | undefined {
  const row = db.select({ data: conversations.data }).from(conversations).where(eq(conversations.personId, personId)).get();
  if (!row) return undefined;
  const parsed = JSON.parse(row.data) as { stack?: Frame[] };
  return Array.isArray(parsed.stack) && parsed.stack.length > 0 ? parsed.stack : undefined;
}

export function saveStack(db: Db, personId: number, stack: Frame[], now: Date): void {
  const top = stack[stack.length - 1]!;
  const data = JSON.stringify({ stack });
  db.insert(conversations)
    .values({ personId, flow: top.flow, step: top.step, data, updatedAt: now })
    .onConflictDoUpdate({ target: conversations.personId, set: { flow: top.flow, step: top.step, data, updatedAt: now } })
    .run();
}
