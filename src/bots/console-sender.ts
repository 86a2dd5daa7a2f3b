// Messages queued for people on the 'console' channel: printed by the terminal chat that user has
// open in this process. With no chat open for that user, the sender says it cannot reach them now
// (isReadyFor) and the rows stay pending, until a chat opens or they expire.
import type { Outbound } from '../core/conversation/messages';
import type { ChannelSender, DeliveryResult } from '../core/outbox/ports';

export class ConsoleSender implements ChannelSender {
  readonly channel = 'console' as const;
  private readonly chats = new Map<string, (message: Outbound) => void>();

  /** A terminal chat opened for this user; returns the function that detaches it. */
  attach(userId: string, print: (message: Outbound) => void): () => void {
    this.chats.set(userId, print);
    return () => {
      if (this.chats.get(userId) === print) this.chats.delete(userId);
    };
  }

  isReady(): boolean {
    return this.chats.size > 0;
  }

  isReadyFor(userId: string): boolean {
    return this.chats.has(userId);
  }

  async send(userId: string, message: Outbound): Promise<DeliveryResult> {
    const print = this.chats.get(userId);
    if (!print) return { ok: false, permanent: false, reason: 'no terminal chat open for this user' };
    print(message);
    return { ok: true };
  }
}
