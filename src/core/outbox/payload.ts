// What a message in the outbox says: a message already written, or a text key rendered in the
// person's language at send time. `push`: the question the message asks, put on the person's
// conversation in the same transaction that marks the message sent, so their next answer goes to
// it (and not before it arrived). The store keeps it as JSON (src/db/repos/outbox.ts declares only
// the outline it accepts).
import type { Frame } from '../conversation/flow';
import type { Outbound } from '../conversation/messages';

export type OutboxPayload = (
  | { outbound: Outbound }
  | { template: { key: string; params?: Record<string, unknown>; choices?: Array<{ id: string; key: string }> } }
) & { push?: Frame };
