// The ChannelSender for Telegram: renders an Outbound, sends it through the paced queue, and
// marks a person unreachable when Telegram says they blocked the bot.
import { InputFile, type Api } from 'grammy';
import type { ChannelSender, DeliveryResult, SendOptions } from '../../core/outbox/ports';
import type { Outbound } from '../../core/conversation/messages';
import type { Logger } from '../../core/conversation/logger';
import type { Db } from '../../db/client';
import { markUnreachable } from '../../db/repos/people';
import { attemptFromError } from './errors';
import { renderParts, type CallbackCodec } from './render';
import { isReachable } from './reachability';
import type { Attempt, Priority, SendQueue } from './send-queue';
import { ReadySwitch } from '../ready-switch';

export class TelegramSender extends ReadySwitch implements ChannelSender {
  readonly channel = 'telegram' as const;

  constructor(
    private readonly api: Api,
    private readonly db: Db,
    private readonly queue: SendQueue,
    private readonly codec: CallbackCodec,
    private readonly log: Logger,
  ) {
    super();
  }

  async send(userId: string, message: Outbound, priority: Priority, options: SendOptions = {}): Promise<DeliveryResult> {
    if (!isReachable(this.db, userId)) return { ok: false, permanent: true, unreachable: true, reason: 'blocked the bot earlier' };
    const { isDue } = options;
    let last: DeliveryResult = { ok: true };
    for (const part of renderParts(message, this.codec)) {
      last = await this.queue.push(userId, priority, () => this.attempt(() => this.api.sendMessage(userId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {})), isDue);
      if (!last.ok) return this.failed(userId, last);
    }
    const file = message.attachment;
    if (file) {
      const doc = await this.queue.push(
        userId,
        priority,
        () => this.attempt(() => this.api.sendDocument(userId, new InputFile(Buffer.from(file.content, 'utf8'), file.filename))),
        isDue,
      );
      if (!doc.ok) return this.failed(userId, doc);
    }
    return last;
  }

  private async attempt(call: () => Promise<{ message_id: number }>): Promise<Attempt> {
    try {
      const sent = await call();
      return { kind: 'done', result: { ok: true, platformMessageId: String(sent.message_id) } };
    } catch (err) {
      return attemptFromError(err);
    }
  }

  private failed(userId: string, result: DeliveryResult & { ok: false }): DeliveryResult {
    if (result.expired) return result;
    if (result.unreachable) {
      markUnreachable(this.db, { channel: 'telegram', userId });
      this.log.info({}, 'a person blocked the bot: marked unreachable');
    } else this.log.warn({ reason: result.reason, permanent: result.permanent }, 'message not sent');
    return result;
  }
}
