// `panelbot helpline list [--all] [--json] | show ID [--json] | claim ID | reply ID TEXT… | resolve ID`:
// the helpline from the terminal, with the same rules as in Slack (a reply starting with "note:"
// stays internal). `show` gives the whole conversation in order: the person's messages, what
// panelbot answered them (an FAQ answer, "your question is with the team"), the team's replies and notes.
import { panelDateTimeWithZone, panelJson } from '../core/panel/panel-time';
import { has, UsageError } from './args';
import type { CliContext } from './context';
import { operator } from './operator';
import { audit } from '../db/repos/audit';
import { getTicket, listTickets, ticketMessagesOf, UNRESOLVED } from '../db/repos/tickets';
import { claimTicket, replyToTicket, resolveTicket } from '../core/helpline/helpdesk';

const USAGE = 'use "helpline list [--all] [--json]", "helpline show ID [--json]", "helpline claim ID", "helpline reply ID TEXT" or "helpline resolve ID"';


function ticketId(raw: string | undefined): number {
  const id = Number(raw?.replace(/^#/, ''));
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${raw ?? ''}" is not a ticket number`);
  return id;
}

const REASONS: Record<string, string> = { not_found: 'no such ticket', resolved: 'the ticket is resolved', empty: 'the message is empty' };

export async function helplineCommand(ctx: CliContext): Promise<number> {
  const [sub, rawId, ...words] = ctx.args.positionals;
  if (!sub) throw new UsageError(USAGE);
  const app = ctx.openApp();
  const { services, db } = app;
  const actor = operator();
  switch (sub) {
    case 'list': {
      const rows = listTickets(db, has(ctx.args, 'all') ? [...UNRESOLVED, 'resolved'] : UNRESOLVED);
      audit(db, actor, 'ticket.list', null, services.clock.now());
      if (has(ctx.args, 'json')) {
        ctx.out(panelJson(rows.map((t) => ({ id: t.id, status: t.status, urgent: t.urgent, pseudonym: t.pseudonym, language: t.language, channel: t.channel, claimedBy: t.claimedBy, createdAt: t.createdAt, updatedAt: t.updatedAt })), services.config.panel.timezone));
        return 0;
      }
      if (!rows.length) ctx.out('No tickets waiting.');
      for (const t of rows) {
        ctx.out(`#${t.id}  ${t.status.padEnd(9)} ${t.urgent ? 'URGENT ' : ''}${t.pseudonym}  ${t.language}  ${t.channel}  updated ${panelDateTimeWithZone(t.updatedAt, services.config.panel.timezone)}${t.claimedBy ? `  claimed by ${t.claimedBy}` : ''}`);
      }
      return 0;
    }
    case 'show': {
      const id = ticketId(rawId);
      const ticket = getTicket(db, id);
      if (!ticket) {
        ctx.err(`panelbot: no ticket #${id}`);
        return 1;
      }
      audit(db, actor, 'ticket.show', `ticket:${id}`, services.clock.now());
      const tz = services.config.panel.timezone;
      // In the order things were said (an FAQ answer keeps the moment of the question it answered).
      const messages = ticketMessagesOf(db, id).sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
      if (has(ctx.args, 'json')) {
        const { pseudonym, status, urgent, language, channel, claimedBy, createdAt, updatedAt } = ticket;
        ctx.out(panelJson({ id, status, urgent, pseudonym, language, channel, claimedBy, createdAt, updatedAt, messages: messages.map((m) => ({ at: m.at, author: m.author, by: m.authorId, text: m.text })) }, tz));
        return 0;
      }
      ctx.out(`#${ticket.id} ${ticket.status}${ticket.urgent ? ' URGENT' : ''}: ${ticket.pseudonym}, ${ticket.language}, on ${ticket.channel}${ticket.claimedBy ? `, claimed by ${ticket.claimedBy}` : ''}`);
      for (const m of messages) {
        const who =
          m.author === 'citizen' ? ticket.pseudonym : m.author === 'note' ? `note by ${m.authorId}` : m.author === 'bot' ? `panelbot${m.authorId?.startsWith('faq:') ? ` (FAQ answer ${m.authorId.slice(4)})` : ''}` : m.authorId;
        const prefix = `  [${panelDateTimeWithZone(m.at, tz)}] `;
        // Lines after the first are indented under the text, so the next message stands out.
        ctx.out(`${prefix}${who}: ${m.text.split('\n').join(`\n${' '.repeat(prefix.length + 2)}`)}`);
      }
      return 0;
    }
    case 'claim':
    case 'resolve': {
      const id = ticketId(rawId);
      const result = sub === 'claim' ? claimTicket(services, id, actor) : resolveTicket(services, id, actor);
      if (!result.ok) {
        ctx.err(`panelbot: ticket #${id}: ${REASONS[result.reason]}`);
        return 1;
      }
      ctx.out(`Ticket #${id} is ${result.ticket.status}.`);
      return 0;
    }
    case 'reply': {
      const id = ticketId(rawId);
      const text = words.join(' ');
      if (!text.trim()) throw new UsageError('helpline reply needs the text: helpline reply ID TEXT');
      const result = replyToTicket(services, id, actor, text);
      if (!result.ok) {
        ctx.err(`panelbot: ticket #${id}: ${REASONS[result.reason]}`);
        return 1;
      }
      ctx.out(result.kind === 'note' ? `Note added to ticket #${id} (not sent to the citizen).` : `Reply queued for ${result.ticket.pseudonym} (ticket #${id} is now ${result.ticket.status}).`);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
