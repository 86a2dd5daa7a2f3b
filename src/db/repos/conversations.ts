// Where each person is in a conversation: a stack of frames, saved with every message.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { conversations } from '../schema/index';
import type { Frame } from '../../core/conversation/flow';
import { prepared } from '../prepared';

export function loadStack(db: Db, personId: number): Frame[] | undefined {
  const row = prepared(db, 'conversations.load', () =>
    db.select({ data: conversations.data }).from(conversations).where(eq(conversations.personId, sql.placeholder('id'))).prepare(),
  ).get({ id: personId });
  if (!row) return undefined;
  const parsed = JSON.parse(row.data) as { stack?: Frame[] };
  return Array.isArray(parsed.stack) && parsed.stack.length > 0 ? parsed.stack : undefined;
}

export function saveStack(db: Db, personId: number, stack: Frame[], now: Date): void {
  const top = stack[stack.length - 1]!;
  const data = JSON.stringify({ stack });
  prepared(db, 'conversations.save', () =>
    db.$client.prepare(
      `INSERT INTO conversations (person_id, flow, step, data, updated_at) VALUES (@personId, @flow, @step, @data, @updatedAt)
       ON CONFLICT (person_id) DO UPDATE SET flow = excluded.flow, step = excluded.step, data = excluded.data, updated_at = excluded.updated_at`,
    ),
  ).run({ personId, flow: top.flow, step: top.step, data, updatedAt: now.getTime() });
}
