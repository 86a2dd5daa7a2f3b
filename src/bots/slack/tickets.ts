// Ticket actions in Slack: the Claim and Resolve buttons, and organisers' replies in a ticket's
// thread (sent to the citizen; "note: …" stays internal). The decisions are the core's (helpdesk).
import type { App as BoltApp, BlockAction, ButtonAction } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import { claimTicket, replyToTicket, resolveTicket } from '../../core/helpline/helpdesk';
import { ticketBySlackTs } from '../../db/repos/tickets';
import type { Services } from '../../core/conversation/flow';
import { REFUSAL, type Organisers } from './organisers';
import type { SlackPoster } from './poster';
import { slackToPlain } from './format';

const REASONS: Record<string, string> = {
  not_found: 'This ticket does not exist any more.',
  resolved: 'This ticket is already resolved.',
  empty: 'Nothing to send: the message is empty.',
};

async function refuse(client: webApi.WebClient, channel: string | undefined, user: string, thread_ts?: string): Promise<void> {
  if (channel) await client.chat.postEphemeral({ channel, user, text: REFUSAL, thread_ts });
}

export function registerTicketHandlers(bolt: BoltApp, services: Services, organisers: Organisers, poster: SlackPoster): void {
  const act = (name: 'claim' | 'resolve') =>
    async function ({ ack, body, client }: { ack: () => Promise<void>; body: BlockAction<ButtonAction>; client: webApi.WebClient }) {
      await ack();
      const user = body.user.id;
      const channel = body.channel?.id;
      if (!(await organisers.isOrganiser(user))) return refuse(client, channel, user);
      const id = Number(body.actions[0]?.value);
      const actor = `slack:${user}`;
      const result = name === 'claim' ? claimTicket(services, id, actor) : resolveTicket(services, id, actor);
      if (!result.ok) {
        if (channel) await client.chat.postEphemeral({ channel, user, text: REASONS[result.reason] ?? result.reason });
        return;
      }
      services.log.info({ ticket: id, action: name }, 'slack: ticket action');
      await poster.refresh(id);
    };
  bolt.action<BlockAction<ButtonAction>>('ticket_claim', act('claim'));
  bolt.action<BlockAction<ButtonAction>>('ticket_resolve', act('resolve'));

  bolt.event('message', async ({ event, client }) => {
    const message = event as { channel: string; user?: string; text?: string; ts: string; thread_ts?: string; subtype?: string; bot_id?: string };
    // Only people's new replies in a thread ("also send to channel" included): not edits, not bots, not the ticket message itself.
    if ((message.subtype && message.subtype !== 'thread_broadcast') || message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts) return;
    // The thread must be a ticket's (its channel id is the one Slack gave when it was posted).
    const ticket = ticketBySlackTs(services.db, message.channel, message.thread_ts);
    if (!ticket) return;
    if (!(await organisers.isOrganiser(message.user))) return refuse(client, message.channel, message.user, message.thread_ts);
    const text = slackToPlain(message.text ?? '');
    const result = replyToTicket(services, ticket.id, `slack:${message.user}`, text, `slack:${message.channel}:${message.ts}`);
    if (!result.ok) {
      await client.chat.postEphemeral({ channel: message.channel, user: message.user, thread_ts: message.thread_ts, text: REASONS[result.reason] ?? result.reason });
      return;
    }
    if (result.kind === 'duplicate') return;
    // A mark on the organiser's message says what happened to it.
    await client.reactions.add({ channel: message.channel, timestamp: message.ts, name: result.kind === 'note' ? 'memo' : 'outbox_tray' });
    if (result.kind === 'reply') await poster.refresh(ticket.id);
  });
}
