// The ChannelSender for WhatsApp: only to people who opted in, only while the session is up,
// at the paced queue's rhythm. Choices become a numbered list (answered by number or by words).
import type { Outbound } from '../../core/conversation/messages';
import type { Logger } from '../../core/conversation/logger';
import type { ChannelSender, DeliveryResult, SendOptions } from '../../core/outbox/ports';
import type { Db } from '../../db/client';
import { renderPlain } from '../render-text';
import { mayMessage } from './opt-in';
import type { PacedQueue, Priority } from './pace';
import type { WhatsAppPort } from './port';
import { ReadySwitch } from '../ready-switch';

/** When the session is down, the outbox tries again after this long (or sooner once it is up). */
export const RETRY_WHEN_DOWN_MS = 60_000;

export class WhatsAppSender extends ReadySwitch implements ChannelSender {
  readonly channel = 'whatsapp' as const;

  constructor(
    private readonly port: WhatsAppPort,
    private readonly db: Db,
    private readonly queue: PacedQueue,
    private readonly log: Logger,
  ) {
    super();
  }

  async send(userId: string, message: Outbound, priority: Priority, options: SendOptions = {}): Promise<DeliveryResult> {
    if (!mayMessage(this.db, userId)) {
      this.log.warn({}, 'whatsapp message refused: the person never wrote and did not register this number with consent');
      return { ok: false, permanent: true, reason: 'no_opt_in' };
    }
    return this.deliver(userId, message, priority, options.isDue);
  }

  /** The answer to a message the person has just sent: they wrote first, by definition (even a "forget me"). */
  reply(userId: string, message: Outbound): Promise<DeliveryResult> {
    return this.deliver(userId, message, 'reply');
  }

  private async deliver(userId: string, message: Outbound, priority: Priority, isDue?: () => boolean): Promise<DeliveryResult> {
    if (!this.isReady()) return { ok: false, permanent: false, retryAfterMs: RETRY_WHEN_DOWN_MS, reason: 'whatsapp not connected' };
    const sent = await this.queue.push(userId, priority, () => this.port.sendMessage(userId, renderPlain(message)), isDue);
    if (!sent.ok) return this.failed(sent);
    const file = message.attachment;
    if (file) {
      const doc = await this.queue.push(userId, priority, () => this.port.sendDocument(userId, file), isDue);
      if (!doc.ok) return this.failed(doc);
    }
    return sent;
  }

  private failed(result: DeliveryResult & { ok: false }): DeliveryResult {
    if (result.expired) return result;
    this.log.warn({ reason: result.reason }, 'whatsapp message not sent');
    return this.isReady() ? result : { ...result, retryAfterMs: RETRY_WHEN_DOWN_MS };
  }
}
