// The organisers' app in Socket Mode (SLACK_APP_TOKEN): Bolt asks the Web API for its websocket
// address, connects, and answers a /panel command in the envelope's acknowledgement. Slack's side
// is a fake on 127.0.0.1: the Web API (apps.connections.open) and a websocket server speaking
// Socket Mode's envelopes.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startSlack, type RunningSlack } from '../../src/bots/slack/app';
import { logisticsCountsText } from '../../src/core/needs/logistics';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-web-api';
import { testPanel, type TestPanel } from '../helpers/chat';
import { ORGANISERS } from './setup';

let panel: TestPanel | undefined;
let fake: FakeSlack | undefined;
let slack: RunningSlack | undefined;
let wss: WebSocketServer | undefined;
afterEach(async () => {
  await slack?.stop();
  // The client closes its end on stop; waiting for that keeps the close clean on both sides.
  for (let i = 0; i < 100 && (wss?.clients.size ?? 0) > 0; i++) await new Promise((r) => setTimeout(r, 10));
  for (const client of wss?.clients ?? []) client.terminate();
  await new Promise((resolve) => (wss ? wss.close(resolve) : resolve(undefined)));
  await fake?.close();
  panel?.close();
  slack = undefined;
  wss = undefined;
});

/** Waits for the next message on the socket that matches. */
function nextMessage(socket: WebSocket, matches: (m: Record<string, any>) => boolean): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such message on the socket')), 10_000);
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, any>;
      if (!matches(message)) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

function slashCommand(envelopeId: string, userId: string, text: string) {
  return {
    envelope_id: envelopeId,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'x',
      team_id: 'T1',
      team_domain: 'panel',
      channel_id: 'CHELP',
      channel_name: 'helpline',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: '/panel',
      text,
      api_app_id: 'A1',
      response_url: 'http://127.0.0.1:9/unused',
      trigger_id: 'T.1',
    },
  };
}

describe('Slack in Socket Mode', () => {
  it('connects through apps.connections.open and answers /panel stats in the acknowledgement', async () => {
    fake = await startFakeSlack();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => wss!.once('listening', resolve));
    fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    const connected = new Promise<WebSocket>((resolve) =>
      wss!.once('connection', (socket) => {
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A1' } }));
        resolve(socket);
      }),
    );

    panel = testPanel();
    slack = await startSlack(panel.app.services, {
      botToken: 'xoxb-test',
      appToken: 'xapp-test',
      apiUrl: fake.url,
      helplineChannel: 'CHELP',
      alertsChannel: 'CALERT',
      organisers: ORGANISERS,
      pollMs: 0,
      logistics: logisticsCountsText(panel.app.db, panel.app.services.config),
    });
    expect(slack.mode).toBe('socket');
    expect(fake.called('apps.connections.open')).toHaveLength(1);
    const socket = await connected;

    const answered = nextMessage(socket, (m) => m.envelope_id === 'E1');
    socket.send(JSON.stringify(slashCommand('E1', 'UORG1', 'stats')));
    const ack = await answered;
    expect(ack.payload.text).toContain('Registrations: 0');

    // Someone who is not an organiser is refused, over the socket too.
    const refused = nextMessage(socket, (m) => m.envelope_id === 'E2');
    socket.send(JSON.stringify(slashCommand('E2', 'UVISITOR', 'stats')));
    expect((await refused).payload.text).not.toContain('Registrations');
  });
});
