// Who follow-up messages go to, and how a message that asks a question puts that question on top
// of the person's conversation, so that their next answer goes to it (as the draw's outcome does).
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { people, registrations } from '../../db/schema/index';
import { loadStack, saveStack } from '../../db/repos/conversations';
import type { Frame } from '../conversation/flow';

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

/** Puts a question on top of the person's conversation (once: not twice in a row). */
export function pushQuestion(db: Db, personId: number, frame: Frame, now: Date): void {
  const stack = loadStack(db, personId) ?? [{ flow: 'home', step: 'idle', data: {} }];
  const top = stack[stack.length - 1]!;
  if (top.flow !== frame.flow || top.step !== frame.step || JSON.stringify(top.data) !== JSON.stringify(frame.data)) stack.push(frame);
  saveStack(db, personId, stack, now);
}
