// The web chat channel: the page behind the letter's QR code. Started by PANELBOT_WEB_PORT, or on
// localhost by `npm start` when no channel is configured. See server.ts for the routes.
import type { AddressInfo } from 'node:net';
import type { App } from '../../app';
import type { Settings } from '../../config/settings';
import { SettingsError } from '../../config/settings';
import type { ChannelSender } from '../../core/outbox/ports';
import type { Reporter, RunningChannel } from '../channel';
import { DEFAULT_LIMITS, type WebLimits } from './rate-limit';
import { WebSender } from './sender';
import { createWebServer } from './server';
import { keysFrom } from './session';

export interface WebOptions {
  host?: string;
  port?: number;
  limits?: Partial<WebLimits>;
  /** When the port is taken, take any free one instead (the local fallback of `npm start`). */
  anyPortIfTaken?: boolean;
}

export interface RunningWeb extends RunningChannel {
  name: string;
  sender: ChannelSender & WebSender;
  port: number;
  /** Where people open the chat: PANELBOT_PUBLIC_URL, or this server's own address. */
  url: string;
  stop(): Promise<void>;
}

function listen(server: ReturnType<typeof createWebServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

export async function startWeb(app: App, settings: Settings, reporter: Reporter, options: WebOptions = {}): Promise<RunningWeb> {
  const log = app.services.log.child({ channel: 'web' });
  const sender = new WebSender();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!settings.PANELBOT_WEB_SECRET && !options.anyPortIfTaken) log.warn({}, 'web: PANELBOT_WEB_SECRET is not set; sessions will not survive a restart');
  const server = createWebServer({
    db: app.db,
    engine: app.engine,
    i18n: app.services.i18n,
    config: app.services.config,
    log,
    sender,
    keys: keysFrom(settings.PANELBOT_WEB_SECRET, settings.PANELBOT_PUBLIC_URL),
    limits,
    ...(settings.PANELBOT_PUBLIC_URL ? { publicUrl: settings.PANELBOT_PUBLIC_URL } : {}),
    trustProxy: settings.PANELBOT_WEB_TRUST_PROXY,
  });
  const host = options.host ?? settings.PANELBOT_WEB_HOST ?? '0.0.0.0';
  const port = options.port ?? settings.PANELBOT_WEB_PORT ?? 8484;
  try {
    await listen(server, port, host);
  } catch (err) {
    if (options.anyPortIfTaken && (err as NodeJS.ErrnoException).code === 'EADDRINUSE') await listen(server, 0, host);
    else throw new SettingsError(`PANELBOT_WEB_PORT: cannot listen on ${host}:${port} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const actual = (server.address() as AddressInfo).port;
  const local = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${actual}/`;
  const url = settings.PANELBOT_PUBLIC_URL ?? local;
  sender.setReady(true);
  reporter.err(`panelbot: web chat on ${local}${settings.PANELBOT_PUBLIC_URL ? ` (public address ${settings.PANELBOT_PUBLIC_URL})` : ''}`);
  return {
    name: `web (port ${actual})`,
    sender,
    port: actual,
    url,
    async stop() {
      sender.setReady(false);
      sender.closeAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      app.engine.flushDeliveries();
    },
  };
}
