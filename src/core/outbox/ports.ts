// The narrow ports between the core and the outside: how a message reaches a platform, and what
// the platform said. Adapters implement ChannelSender; the outbox dispatcher only knows this port.
import type { ChannelKind, Outbound } from '../conversation/messages';

export type DeliveryResult =
  | {
      ok: true;
      platformMessageId?: string;
      /** When the platform says the message was sent, on its own clock (WhatsApp), to compare with Inbound.sentAt. */
      platformSentAt?: Date;
    }
  | {
      ok: false;
      /** Never retry (e.g. the person blocked the bot, the chat does not exist). */
      permanent: boolean;
      /** The person cannot be reached on this channel any more (Telegram 403): mark the identity. */
      unreachable?: boolean;
      /** The platform asked to wait (429 retry_after). */
      retryAfterMs?: number;
      /** Not sent on purpose, and never to be: the row is recorded as skipped with this reason (a rehearsal's real channels). */
      skipReason?: string;
      /** Not sent because its expiry passed while it waited for its turn (SendOptions.isDue). */
      expired?: boolean;
      reason: string;
    };

export interface SendOptions {
  /**
   * False once the message may no longer go (its expiry passed). The adapter asks it at the
   * moment each platform message would leave its paced queue, not when the message was queued:
   * a reminder waiting behind a broadcast at WhatsApp's pace is dropped, never sent late. When it
   * says false, nothing more of the message is sent and send() returns EXPIRED.
   */
  isDue?: () => boolean;
}

/** What send() returns for a message whose expiry passed before it could go. */
export const EXPIRED: DeliveryResult = { ok: false, permanent: true, expired: true, reason: 'too_late' };

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
  send(userId: string, message: Outbound, priority: 'reply' | 'bulk', options?: SendOptions): Promise<DeliveryResult>;
}
