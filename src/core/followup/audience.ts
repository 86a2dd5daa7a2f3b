// Who follow-up messages go to, and how a message that asks a question puts that question on top
// of the person's conversation, so that their next answer goes to it (as the draw's outcome does).
import type { Db } from '../../db/client';
import { loadStack, saveStack } from '../../db/repos/conversations';
import type { Frame } from '../conversation/flow';

export { participants } from '../../db/repos/followup';

/** Puts a question on top of the person's conversation (once: not twice in a row). */
export function pushQuestion(db: Db, personId: number, frame: Frame, now: Date): void {
  const stack = loadStack(db, personId) ?? [{ flow: 'home', step: 'idle', data: {} }];
  const top = stack[stack.length - 1]!;
  if (top.flow !== frame.flow || top.step !== frame.step || JSON.stringify(top.data) !== JSON.stringify(frame.data)) stack.push(frame);
  saveStack(db, personId, stack, now);
}
