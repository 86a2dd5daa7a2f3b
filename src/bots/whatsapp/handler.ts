// One WhatsApp message from start to end: ask the engine, send the replies, confirm them. A chat's
// messages are handled one after the other. When the session drops before the replies are out,
// the rest of the answer goes to the outbox (durable) and is sent once WhatsApp is back: WhatsApp
// Web does not redeliver a message, so the answer must not depend on it coming again.
import type { ConversationPort } from '../channel';
import type { Inbound, Outbound } from '../../core/conversation/messages';
import type { Logger } from '../../core/conversation/logger';
import type { Clock } from '../../core/panel/clock';
import { inTransaction, type Db } from '../../db/client';
import { enqueue } from '../../db/repos/outbox';
import { findPersonByAddress } from '../../db/repos/people';
import { ChatQueue } from '../telegram/chat-queue';
import { safeReason, type PacedQueue } from './pace';
import type { WhatsAppSender } from './sender';
import type { Mapped } from './to-inbound';

export interface HandlerDeps {
  db: Db;
  engine: ConversationPort;
  sender: WhatsAppSender;
  queue: PacedQueue;
  clock: Clock;
  log: Logger;
}

export class InboundHandler {
  private readonly chats = new ChatQueue();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: HandlerDeps) {}

  /**
   * Takes one event of a chat; never throws. It is mapped when the chat's earlier messages are
   * done, so "is this person new?" sees them (two quick first messages are not both a start).
   */
  take(chat: string, map: () => Mapped): Promise<void> {
    const done = this.chats
      .run(chat, async () => {
        const mapped = map();
        if (mapped.kind === 'ignore') return this.deps.log.debug({ reason: mapped.reason }, 'whatsapp event ignored');
        await this.handle(mapped.chatId, mapped.inbound);
      })
      .catch((err: unknown) => this.deps.log.error({ reason: safeReason(err) }, 'whatsapp message not handled'));
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  /** Resolves when every message taken so far has been answered (or its answer parked). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async handle(chatId: string, inbound: Inbound): Promise<void> {
    const { engine, sender, queue, log } = this.deps;
    queue.noteInbound(chatId);
    const replies = await engine.submit(inbound);
    for (let i = 0; i < replies.length; i++) {
      const result = await sender.reply(chatId, replies[i]!);
      if (result.ok) {
        engine.replySent(inbound, replies[i], result.platformMessageId, result.platformSentAt);
        continue;
      }
      if (result.permanent) {
        log.warn({ reason: result.reason }, 'whatsapp reply refused');
        break;
      }
      this.park(inbound, i, replies.slice(i));
      break;
    }
    engine.delivered(inbound);
  }

  /** The replies not sent yet become outbox rows for this chat, due now. */
  private park(inbound: Inbound, from: number, rest: Outbound[]): void {
    const { db, clock, log } = this.deps;
    const person = findPersonByAddress(db, inbound.address);
    if (!person) {
      log.warn({ replies: rest.length }, 'whatsapp replies not sent: the person is gone');
      return;
    }
    const now = clock.now();
    inTransaction(db, () => {
      rest.forEach((outbound, j) =>
        enqueue(
          db,
          {
            personId: person.id,
            kind: 'reply',
            payload: { outbound },
            dueAt: now,
            idempotencyKey: `whatsapp-reply:${inbound.messageId}:${from + j}`,
            channel: 'whatsapp',
            userId: inbound.address.userId,
          },
          now,
        ),
      );
    });
    log.info({ person: person.pseudonym, replies: rest.length }, 'whatsapp down: replies wait in the outbox');
  }
}
