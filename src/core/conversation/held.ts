// After a flood pause: the held message is answered and its replies go out through the outbox
// (the person is not writing at that moment, so there is no reply to return them with).
import { enqueue } from '../../db/repos/outbox';
import type { Engine } from './engine';

export function answerHeldMessages(engine: Engine): number {
  const { db, clock } = engine.services;
  const now = clock.now();
  return engine.answerHeld((personId, address, replies) =>
    replies.forEach((outbound, i) =>
      enqueue(
        db,
        {
          personId,
          kind: 'reply',
          priority: 0,
          payload: { outbound },
          dueAt: now,
          idempotencyKey: `held:${personId}:${now.getTime()}:${i}`,
          channel: address.channel,
          userId: address.userId,
        },
        now,
      ),
    ),
  );
}
