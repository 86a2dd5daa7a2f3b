// Requests as Slack sends them to an app in HTTP mode, signed with the signing secret
// (v0 = HMAC-SHA256 of "v0:<timestamp>:<body>").
import { createHmac } from 'node:crypto';

export interface SlackResponse {
  status: number;
  body: string;
  json(): any;
}

export class SlackSender {
  constructor(
    private readonly port: number,
    private readonly secret: string,
  ) {}

  async post(body: string, contentType: string, options: { secret?: string } = {}): Promise<SlackResponse> {
    // Slack's timestamp is the real time: Bolt refuses requests older than five minutes.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac('sha256', options.secret ?? this.secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const res = await fetch(`http://127.0.0.1:${this.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
      body,
    });
    const text = await res.text();
    return { status: res.status, body: text, json: () => JSON.parse(text) };
  }

  /** An Events API callback (a message in a channel or thread). */
  event(event: Record<string, unknown>, options?: { secret?: string }) {
    const body = JSON.stringify({ token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${Math.random().toString(36).slice(2)}`, event_time: 1, event });
    return this.post(body, 'application/json', options);
  }

  /** An interactive payload: a button pressed, a modal submitted. */
  interaction(payload: Record<string, unknown>) {
    return this.post(new URLSearchParams({ payload: JSON.stringify({ token: 'legacy', api_app_id: 'A1', team: { id: 'T1', domain: 'panel' }, ...payload }) }).toString(), 'application/x-www-form-urlencoded');
  }

  button(user: string, actionId: string, value: string, message: { channel: string; ts: string }) {
    return this.interaction({
      type: 'block_actions',
      user: { id: user, username: user, team_id: 'T1' },
      channel: { id: message.channel, name: 'helpline' },
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
      message: { type: 'message', ts: message.ts, text: 'ticket' },
      trigger_id: 'trigger-1',
      response_url: 'http://127.0.0.1:9/unused',
      actions: [{ type: 'button', action_id: actionId, block_id: `ticket_${value}`, value, action_ts: '1' }],
    });
  }

  command(user: string, text: string) {
    const form = new URLSearchParams({
      token: 'legacy',
      team_id: 'T1',
      channel_id: 'CHELP',
      channel_name: 'helpline',
      user_id: user,
      user_name: user,
      command: '/panel',
      text,
      api_app_id: 'A1',
      response_url: 'http://127.0.0.1:9/unused',
      trigger_id: `trigger-${user}`,
    });
    return this.post(form.toString(), 'application/x-www-form-urlencoded');
  }

  submit(user: string, callbackId: string, values: Record<string, Record<string, unknown>>, privateMetadata = '') {
    return this.interaction({
      type: 'view_submission',
      user: { id: user, username: user, team_id: 'T1' },
      trigger_id: 'trigger-2',
      view: { id: 'V1', type: 'modal', callback_id: callbackId, private_metadata: privateMetadata, state: { values }, hash: 'h', team_id: 'T1', app_id: 'A1', bot_id: 'BBOT' },
    });
  }
}
