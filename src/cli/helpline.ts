// `panelbot helpline list [--all] | show ID | claim ID | reply ID TEXT… | resolve ID`: the helpline
// from the terminal, with the same rules as in Slack (a reply starting with "note:" stays internal).
import { panelDateTimeWithZone } from '../core/panel/panel-time';
import { has, UsageError } from './args';
import type { CliContext } from './context';
import { operator } from './operator';
import { audit } from '../db/repos/audit';
import { getTicket, listTickets, ticketMessagesOf, UNRESOLVED } from '../db/repos/tickets';
import { claimTicket, replyToTicket, resolveTicket } from '../core/helpline/helpdesk';

const USAGE = 'use "helpline list [--all]", "helpline show ID", "helpline claim ID", "helpline reply ID TEXT" or "helpline resolve ID"';


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
      ctx.out(`#${ticket.id} ${ticket.status}${ticket.urgent ? ' URGENT' : ''}: ${ticket.pseudonym}, ${ticket.language}, on ${ticket.channel}${ticket.claimedBy ? `, claimed by ${ticket.claimedBy}` : ''}`);
      for (const m of ticketMessagesOf(db, id)) {
        const who = m.author === 'citizen' ? ticket.pseudonym : m.author === 'note' ? `note by ${m.authorId}` : m.authorId;
        ctx.out(`  [${panelDateTimeWithZone(m.at, services.config.panel.timezone)}] ${who}: ${m.text}`);
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
