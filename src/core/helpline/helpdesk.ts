// What organisers do with helpline tickets, the same from Slack and from the terminal: claim,
// reply (sent to the citizen through the outbox), write an internal note, resolve. Each action
// is one transaction and is written to the audit log with the actor ("slack:U123", "cli:alice").
import { inTransaction } from '../../db/client';
import { audit } from '../../db/repos/audit';
import { enqueue } from '../../db/repos/outbox';
import { getPerson } from '../../db/repos/people';
import { addTicketMessage, getTicket, messageBySource, updateTicket, type TicketRow } from '../../db/repos/tickets';
import type { Services } from '../conversation/flow';
import { LANGUAGES, type Language } from '../panel/config';

export type TicketActionResult =
  | { ok: true; ticket: TicketRow & { pseudonym: string }; previous: string }
  | { ok: false; reason: 'not_found' | 'resolved' | 'empty' };

/** A reply that starts with this stays with the team. */
export const NOTE_PREFIX = /^\s*note\s*:\s*/i;

function load(services: Services, id: number) {
  return getTicket(services.db, id);
}

export function claimTicket(services: Services, id: number, actor: string): TicketActionResult {
  const { db, clock } = services;
  return inTransaction(db, () => {
    const ticket = load(services, id);
    if (!ticket) return { ok: false, reason: 'not_found' };
    if (ticket.status === 'resolved') return { ok: false, reason: 'resolved' };
    const now = clock.now();
    updateTicket(db, id, { status: ticket.status === 'open' ? 'claimed' : ticket.status, claimedBy: actor, updatedAt: now });
    audit(db, actor, 'ticket.claim', `ticket:${id}`, now);
    return { ok: true, ticket: load(services, id)!, previous: ticket.status };
  });
}

export function resolveTicket(services: Services, id: number, actor: string): TicketActionResult {
  const { db, clock } = services;
  return inTransaction(db, () => {
    const ticket = load(services, id);
    if (!ticket) return { ok: false, reason: 'not_found' };
    const now = clock.now();
    if (ticket.status !== 'resolved') updateTicket(db, id, { status: 'resolved', updatedAt: now });
    audit(db, actor, 'ticket.resolve', `ticket:${id}`, now);
    return { ok: true, ticket: load(services, id)!, previous: ticket.status };
  });
}

export type ReplyResult =
  | { ok: true; kind: 'reply' | 'note' | 'duplicate'; ticket: TicketRow & { pseudonym: string }; previous: string }
  | { ok: false; reason: 'not_found' | 'empty' };

/**
 * An organiser's message on a ticket. `note: …` stays internal; anything else is queued to the
 * citizen (kind 'reply', priority 0) on the channel they wrote from, in their language.
 * `sourceId` identifies the platform message, so that a redelivered one is kept once.
 */
export function replyToTicket(services: Services, id: number, actor: string, text: string, sourceId?: string): ReplyResult {
  const { db, clock, i18n, log } = services;
  return inTransaction(db, () => {
    const ticket = load(services, id);
    if (!ticket) return { ok: false, reason: 'not_found' } as const;
    if (sourceId && messageBySource(db, sourceId)) return { ok: true, kind: 'duplicate', ticket, previous: ticket.status } as const;
    const now = clock.now();
    const isNote = NOTE_PREFIX.test(text);
    const body = (isNote ? text.replace(NOTE_PREFIX, '') : text).trim();
    if (!body) return { ok: false, reason: 'empty' } as const;
    if (isNote) {
      addTicketMessage(db, { ticketId: id, author: 'note', authorId: actor, text: body, at: now, sourceId });
      audit(db, actor, 'ticket.note', `ticket:${id}`, now);
      return { ok: true, kind: 'note', ticket, previous: ticket.status } as const;
    }
    const messageId = addTicketMessage(db, { ticketId: id, author: 'organiser', authorId: actor, text: body, at: now, relayedAt: now, sourceId });
    const lng: Language = (LANGUAGES as readonly string[]).includes(ticket.language) ? (ticket.language as Language) : 'en';
    enqueue(
      db,
      {
        personId: ticket.personId,
        kind: 'reply',
        priority: 0,
        payload: { outbound: { text: i18n.t(lng, 'helpline:reply', { ref: `#${id}`, text: body }, getPerson(db, ticket.personId)?.easyRead === true) } },
        dueAt: now,
        idempotencyKey: `reply:${messageId}`,
        channel: ticket.channel,
        userId: ticket.userId,
      },
      now,
    );
    updateTicket(db, id, { status: 'answered', claimedBy: ticket.claimedBy ?? actor, updatedAt: now });
    audit(db, actor, 'ticket.reply', `ticket:${id}`, now);
    log.info({ ticket: id, person: ticket.pseudonym }, 'helpline reply queued');
    return { ok: true, kind: 'reply', ticket: load(services, id)!, previous: ticket.status } as const;
  });
}
