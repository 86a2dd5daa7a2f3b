// Where each person is in a conversation: a stack of frames, saved with every message.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { conversations } from '../schema/index';
import { prepared } from '../prepared';

/**
 * What the store reads of a conversation's frame: its flow and step (kept in their own columns).
 * The rest is the core's (src/core/conversation/flow.ts, Frame): the store keeps it as JSON and
 * gives it back as the type the caller names.
 */
export interface StoredFrame {
  flow: string;
  step: string;
}

export function loadStack<F extends StoredFrame>(db: Db, personId: number): F[] | undefined {
  const row = prepared(db, 'conversations.load', () =>
    db.select({ data: conversations.data }).from(conversations).where(eq(conversations.personId, sql.placeholder('id'))).prepare(),
  ).get({ id: personId });
  if (!row) return undefined;
  const parsed = JSON.parse(row.data) as { stack?: F[] };
  return Array.isArray(parsed.stack) && parsed.stack.length > 0 ? parsed.stack : undefined;
}

export function saveStack(db: Db, personId: number, stack: readonly StoredFrame[], now: Date): void {
  const top = stack[stack.length - 1]!;
  const data = JSON.stringify({ stack });
  prepared(db, 'conversations.save', () =>
    db.$client.prepare(
      `INSERT INTO conversations (person_id, flow, step, data, updated_at) VALUES (@personId, @flow, @step, @data, @updatedAt)
       ON CONFLICT (person_id) DO UPDATE SET flow = excluded.flow, step = excluded.step, data = excluded.data, updated_at = excluded.updated_at`,
    ),
  ).run({ personId, flow: top.flow, step: top.step, data, updatedAt: now.getTime() });
}

/** A message that came past the flood limit: kept (only the last one) to be answered after the pause. */
export interface HeldMessage {
  address: { channel: string; userId: string };
  messageId: string;
  content: unknown;
  at: number;
}

export function holdMessage(db: Db, personId: number, held: HeldMessage, now: Date): void {
  const row = db.select({ data: conversations.data }).from(conversations).where(eq(conversations.personId, personId)).get();
  if (!row) return;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  data.held = held;
  db.update(conversations).set({ data: JSON.stringify(data), updatedAt: now }).where(eq(conversations.personId, personId)).run();
}

/** The held message, removed from the conversation; undefined when there is none. */
export function takeHeld(db: Db, personId: number): HeldMessage | undefined {
  const row = db.select({ data: conversations.data }).from(conversations).where(eq(conversations.personId, personId)).get();
  if (!row || !row.data.includes('"held"')) return undefined;
  const data = JSON.parse(row.data) as { held?: HeldMessage };
  if (!data.held) return undefined;
  const held = data.held;
  delete data.held;
  db.update(conversations).set({ data: JSON.stringify(data) }).where(eq(conversations.personId, personId)).run();
  return held;
}

/** People with a held message (a scan: run once at start, then the engine keeps the list). */
export function peopleWithHeld(db: Db): number[] {
  return db.$client
    .prepare(`SELECT person_id AS id FROM conversations WHERE json_extract(data, '$.held') IS NOT NULL`)
    .all()
    .map((r) => (r as { id: number }).id);
}
