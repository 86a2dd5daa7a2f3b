// The narrow ports between the core and the outside: how a message reaches a platform, and what
// the platform said. Adapters implement ChannelSender; the outbox dispatcher only knows this port.
import type { ChannelKind, Outbound } from '../conversation/messages';

export type DeliveryResult =
  | { ok: true; platformMessageId?: string }
  | {
      ok: false;
      /** Never retry (e.g. the person blocked the bot, the chat does not exist). */
      permanent: boolean;
      /** The person cannot be reached on this channel any more (Telegram 403): mark the identity. */
      unreachable?: boolean;
      /** The platform asked to wait (429 retry_after). */
      retryAfterMs?: number;
      reason: string;
    };

export interface ChannelSender {
  readonly channel: ChannelKind;
  /** Whether the channel is connected now (a WhatsApp session may be down): if not, rows wait. */
  isReady(): boolean;
  /** Whether this one user can be reached now (the terminal chat: only while that user's chat is open). */
  isReadyFor?(userId: string): boolean;
  /**
   * Sends one message. 'reply' goes before 'bulk' (reminders, broadcasts) when the adapter
   * queues; the adapter applies the platform's pace and retries what the platform asks to retry.
   */
  send(userId: string, message: Outbound, priority: 'reply' | 'bulk'): Promise<DeliveryResult>;
}
