// The organisers' Slack app (Bolt): Socket Mode when an app token is given, otherwise HTTP with the
// signing secret. It relays tickets and alerts (the poster) and takes organisers' actions.
import { SettingsError } from '../../config/settings';
import { App as BoltApp, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../../core/conversation/flow';
import type { Settings } from '../../config/settings';
import { Organisers } from './organisers';
import { SlackPoster } from './poster';
import { registerTicketHandlers } from './tickets';
import { registerPanelCommand, type LogisticsReport } from './command';
import { registerBroadcast } from './broadcast';

export { slackOptionsFrom, type SlackOptions } from './options';
import type { SlackOptions } from './options';

export interface RunningSlack {
  bolt: BoltApp;
  poster: SlackPoster;
  organisers: Organisers;
  mode: 'socket' | 'http';
  /** The HTTP port listened on (HTTP mode). */
  port?: number;
  stop(): Promise<void>;
}

export async function startSlack(services: Services, options: SlackOptions): Promise<RunningSlack> {
  const log = services.log.child({ channel: 'slack' });
  const socket = Boolean(options.appToken);
  const common = {
    token: options.botToken,
    logLevel: LogLevel.WARN,
    // A few quick retries, not the Web API client's default of ten over half an hour: start-up must
    // fail in seconds when Slack cannot be reached, and the poster tries again at its next tick anyway.
    clientOptions: { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 }, timeout: 15_000 },
  };
  const bolt = socket
    ? new BoltApp({
        ...common,
        appToken: options.appToken,
        socketMode: true,
        // The Socket Mode client asks for its websocket URL (apps.connections.open) with a Web API
        // client of its own: it goes to the same API address.
        installerOptions: { clientOptions: common.clientOptions },
        deferInitialization: true,
      })
    : new BoltApp({ ...common, signingSecret: options.signingSecret, processBeforeResponse: options.processBeforeResponse ?? false, deferInitialization: true });

  const organisers = new Organisers(options.organisers, bolt.client, services.clock, log);
  if (!organisers.users.length && !organisers.groups.length) log.warn({}, 'slack: SLACK_ORGANISERS is empty: nobody may act');
  const poster = new SlackPoster({ ...services, log }, bolt.client, organisers, { helplineChannel: options.helplineChannel, alertsChannel: options.alertsChannel });
  registerTicketHandlers(bolt, { ...services, log }, organisers, poster);
  registerPanelCommand(bolt, services, organisers, options.logistics);
  registerBroadcast(bolt, services, organisers, options.alertsChannel, options.whatsappPace);
  bolt.error(async (err) => {
    log.error({ err: { name: err.name, code: (err as { code?: string }).code } }, 'slack: handler failed');
  });

  let port: number | undefined;
  try {
    // Initialised here, not in the constructor, so a refused token or an unreachable Slack is an
    // error we can name rather than an unhandled rejection.
    await bolt.init();
    if (socket) await bolt.start();
    else {
      const server = (await bolt.start(options.port ?? 3000)) as unknown as Server;
      port = (server.address() as AddressInfo).port;
    }
  } catch (err) {
    await bolt.stop().catch(() => undefined);
    throw startError(err);
  }
  log.info({ mode: socket ? 'socket' : 'http', port }, 'slack: started');

  let timer: NodeJS.Timeout | undefined;
  if (options.pollMs !== 0) {
    timer = setInterval(() => void poster.tick().catch(() => undefined), options.pollMs ?? 5000);
    void poster.tick().catch(() => undefined);
  }
  return {
    bolt,
    poster,
    organisers,
    mode: socket ? 'socket' : 'http',
    port,
    async stop() {
      if (timer) clearInterval(timer);
      await bolt.stop();
    },
  };
}

/** One clear line naming the setting to check, never a stack trace. */
function startError(err: unknown): SettingsError {
  const code = (err as { code?: string }).code ?? '';
  const detail = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message ?? String(err);
  if (/invalid_auth|not_authed|account_inactive|token_revoked|invalid_token/.test(detail)) return new SettingsError(`SLACK_BOT_TOKEN: Slack refused this token (${detail})`);
  if (code === 'EADDRINUSE' || /EADDRINUSE/.test(detail)) return new SettingsError('SLACK_PORT: the port is already in use');
  return new SettingsError(`SLACK_API_URL: cannot reach the Slack Web API (${detail.split('\n')[0]!.slice(0, 120)})`);
}
