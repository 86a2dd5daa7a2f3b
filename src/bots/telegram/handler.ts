// One Telegram update from start to end: acknowledge a pressed button, ask the engine, send the
// replies, confirm them. Never throws: a failure is logged (ids only) and the update is let go,
// except when the replies could not be sent for now — then it is handled again later.
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { ConversationPort } from '../channel';
import type { Logger } from '../../core/conversation/logger';
import type { Db } from '../../db/client';
import { markUnreachable } from '../../db/repos/people';
import { describeError } from './errors';
import { markedKeyboard, type CallbackCodec } from './render';
import type { TelegramSender } from './sender';
import { updateToInbound } from './update-to-inbound';

export type Outcome = { kind: 'done' } | { kind: 'retry'; afterMs?: number };

export interface HandlerDeps {
  api: Api;
  db: Db;
  engine: ConversationPort;
  sender: TelegramSender;
  codec: CallbackCodec;
  log: Logger;
}

export class UpdateHandler {
  constructor(private readonly deps: HandlerDeps) {}

  async handle(update: Update): Promise<Outcome> {
    const { log } = this.deps;
    try {
      return await this.handleUnsafe(update);
    } catch (err) {
      log.error({ update: update.update_id, err: describeError(err) }, 'update not handled');
      return { kind: 'done' };
    }
  }

  private async handleUnsafe(update: Update): Promise<Outcome> {
    const { api, db, engine, sender, codec, log } = this.deps;
    const mapped = updateToInbound(update, codec);
    if (mapped.kind === 'ignore') {
      log.debug({ update: update.update_id, reason: mapped.reason }, 'update ignored');
      if (mapped.callbackId) await this.quietly(() => api.answerCallbackQuery(mapped.callbackId!));
      return { kind: 'done' };
    }
    if (mapped.kind === 'blocked') {
      markUnreachable(db, { channel: 'telegram', userId: String(mapped.chatId) });
      log.info({ update: update.update_id }, 'a person blocked the bot: marked unreachable');
      return { kind: 'done' };
    }

    const { inbound, button, chatId } = mapped;
    if (button) {
      // Stops the button's spinner, then shows which answer was pressed instead of the keyboard.
      await this.quietly(() => api.answerCallbackQuery(button.callbackId));
      if (button.messageId !== undefined && button.label) {
        await this.quietly(() => api.editMessageReplyMarkup(chatId, button.messageId!, { reply_markup: markedKeyboard(button.label!) }));
      }
    }

    // A redelivered update brings only the replies not recorded as sent (engine.replySent).
    const replies = await engine.submit(inbound);
    for (const reply of replies) {
      const result = await sender.send(String(chatId), reply, 'reply');
      if (result.ok) {
        engine.replySent(inbound, reply, result.platformMessageId);
        continue;
      }
      if (result.permanent) break; // blocked, or refused for good: nothing to retry
      return result.retryAfterMs === undefined ? { kind: 'retry' } : { kind: 'retry', afterMs: result.retryAfterMs };
    }
    engine.delivered(inbound);
    return { kind: 'done' };
  }

  /** Acknowledgements are a courtesy: an old button's query may have expired, and that is fine. */
  private async quietly(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (err) {
      this.deps.log.debug({ err: describeError(err) }, 'acknowledgement not accepted');
    }
  }
}
