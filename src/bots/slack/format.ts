// How tickets look in Slack, and the text conversions both ways. Slack treats &, < and > as
// control characters in mrkdwn: a citizen's text is escaped before it is shown.
import type { types } from '@slack/bolt';
import type { TicketRow } from '../../db/repos/tickets';

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An organiser's Slack message as plain text for a citizen: links, mentions and entities undone. */
export function slackToPlain(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, (_, url: string, label: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<mailto:([^|>]+)(\|[^>]+)?>/g, '$1')
    .replace(/<[@#!][^>|]*\|([^>]+)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** A section's text is limited to 3,000 characters: a long question is cut (the terminal shows it whole). */
export const MAX_QUOTE = 2800;

export function quote(text: string): string {
  const quoted = escapeMrkdwn(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return quoted.length > MAX_QUOTE ? `${quoted.slice(0, MAX_QUOTE).replace(/&[a-z]*$/, '')}…` : quoted;
}

/** "slack:U123" as a Slack mention, anything else (cli:alice) as it is. */
export function actorLabel(actor: string | null): string {
  if (!actor) return '';
  const m = /^slack:(U[A-Z0-9]+)$/.exec(actor);
  return m ? `<@${m[1]}>` : escapeMrkdwn(actor);
}

/** What the ticket's Slack message shows: when this changes, the message is updated. */
export function shownState(ticket: Pick<TicketRow, 'status' | 'urgent' | 'claimedBy'>): string {
  return `${ticket.status}|${ticket.urgent ? 1 : 0}|${ticket.claimedBy ?? ''}`;
}

const STATUS_ICON: Record<string, string> = { open: ':large_orange_circle:', claimed: ':large_yellow_circle:', answered: ':large_blue_circle:', resolved: ':white_check_mark:' };

export function ticketMessage(
  ticket: TicketRow & { pseudonym: string },
  question: string,
  mention?: string,
): { text: string; blocks: types.KnownBlock[] } {
  const head = [
    `${STATUS_ICON[ticket.status] ?? ''} *#${ticket.id}*`,
    ticket.pseudonym,
    ticket.language,
    ticket.channel,
    `*${ticket.status}*${ticket.claimedBy ? ` by ${actorLabel(ticket.claimedBy)}` : ''}`,
  ].join(' · ');
  const urgent = ticket.urgent ? `:rotating_light: *urgent*${mention ? ` ${mention}` : ''}\n` : '';
  const buttons = [];
  if (ticket.status === 'open') buttons.push({ type: 'button' as const, action_id: 'ticket_claim', text: { type: 'plain_text' as const, text: 'Claim' }, value: String(ticket.id) });
  if (ticket.status !== 'resolved') {
    buttons.push({ type: 'button' as const, action_id: 'ticket_resolve', text: { type: 'plain_text' as const, text: 'Resolve' }, value: String(ticket.id), style: 'primary' as const });
  }
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${urgent}${head}\n${quote(question)}` } },
    ...(buttons.length ? [{ type: 'actions' as const, block_id: `ticket_${ticket.id}`, elements: buttons }] : []),
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Reply in the thread to answer the citizen in their chat. Start with `note:` for an internal note.' }] },
  ];
  return { text: `${ticket.urgent ? 'URGENT ' : ''}Ticket #${ticket.id} (${ticket.pseudonym}, ${ticket.status})${ticket.urgent && mention ? ` ${mention}` : ''}`, blocks };
}
