// The Telegram channel (grammY): long polling by default, a webhook when TELEGRAM_WEBHOOK_URL is set.
// Updates become Inbound values for the engine; replies and later messages go out through the
// paced TelegramSender. See telegram/ for each part.
import { randomBytes } from 'node:crypto';
import { Bot, GrammyError } from 'grammy';
import type { App } from '../app';
import { SettingsError, type Settings } from '../config/settings';
import type { ChannelSender } from '../core/outbox/ports';
import { ChatQueue } from './telegram/chat-queue';
import { setCommandMenus } from './telegram/commands';
import { describeError } from './telegram/errors';
import { UpdateHandler } from './telegram/handler';
import { ALLOWED_UPDATES, Poller } from './telegram/polling';
import { CallbackCodec } from './telegram/render';
import { DEFAULT_PACE, SendQueue, type PaceOptions } from './telegram/send-queue';
import { TelegramSender } from './telegram/sender';
import { realTiming, type Timing } from './telegram/timing';
import { startWebhookServer, type WebhookServer } from './telegram/webhook';
import type { RunningChannel } from './channel';

export interface Reporter {
  err(line: string): void;
}

export interface TelegramOptions {
  timing?: Timing;
  pace?: Partial<PaceOptions>;
  /** getUpdates long-poll timeout (seconds). */
  pollTimeoutSeconds?: number;
  /** Where the webhook server listens (default: every interface, TELEGRAM_WEBHOOK_PORT or 8080; 0 = any free port). */
  webhookHost?: string;
  webhookPort?: number;
}

export interface RunningTelegram extends RunningChannel {
  name: 'telegram';
  sender: ChannelSender;
  /** The webhook server's port, in webhook mode. */
  webhookPort?: number;
  stop(): Promise<void>;
}

const SECRET = /^[A-Za-z0-9_-]{1,256}$/;

async function connect(bot: Bot, timing: Timing): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // getMe once per attempt: grammY's own init() retries network errors forever, which would
      // leave `npm start` silent when the Bot API cannot be reached.
      if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
      return;
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new SettingsError('TELEGRAM_BOT_TOKEN: the Bot API refused this token (check it, and TELEGRAM_API_ROOT if set)');
      }
      if (attempt >= 3) throw new SettingsError(`TELEGRAM_API_ROOT: cannot reach the Telegram Bot API (${describeError(err).description})`);
      await timing.sleep(1000 * attempt);
    }
  }
}

export async function startTelegram(app: App, settings: Settings, reporter: Reporter, options: TelegramOptions = {}): Promise<RunningTelegram> {
  const token = settings.TELEGRAM_BOT_TOKEN;
  if (!token) throw new SettingsError('TELEGRAM_BOT_TOKEN: not set');
  const timing = options.timing ?? realTiming;
  const log = app.services.log.child({ channel: 'telegram' });
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
  const bot = new Bot(token, {
    client: { ...(settings.TELEGRAM_API_ROOT ? { apiRoot: settings.TELEGRAM_API_ROOT.replace(/\/+$/, '') } : {}), timeoutSeconds: pollTimeoutSeconds + 30 },
  });
  await connect(bot, timing);

  const codec = new CallbackCodec();
  const queue = new SendQueue(timing, { ...DEFAULT_PACE, ...options.pace });
  const sender = new TelegramSender(bot.api, app.db, queue, codec, log);
  const handler = new UpdateHandler({ api: bot.api, db: app.db, engine: app.engine, sender, codec, log });
  const chats = new ChatQueue();

  try {
    await setCommandMenus(bot.api, app.services);
  } catch (err) {
    log.warn({ err: describeError(err) }, 'command menu not set');
  }

  let poller: Poller | undefined;
  let server: WebhookServer | undefined;
  const webhookUrl = settings.TELEGRAM_WEBHOOK_URL;
  if (webhookUrl) {
    const secret = settings.TELEGRAM_WEBHOOK_SECRET ?? randomBytes(32).toString('hex');
    if (!SECRET.test(secret)) throw new SettingsError('TELEGRAM_WEBHOOK_SECRET: only letters, digits, _ and - (at most 256)');
    server = await startWebhookServer({
      path: new URL(webhookUrl).pathname || '/',
      port: options.webhookPort ?? settings.TELEGRAM_WEBHOOK_PORT ?? 8080,
      ...(options.webhookHost ? { host: options.webhookHost } : {}),
      secret,
      handler,
      chats,
      log,
    });
    await bot.api.setWebhook(webhookUrl, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    reporter.err(`panelbot: Telegram @${bot.botInfo.username} receives updates on its webhook (listening on port ${server.port}).`);
  } else {
    // getUpdates does not work while a webhook is set; pending updates are kept.
    await bot.api.deleteWebhook({ drop_pending_updates: false });
    poller = new Poller({ api: bot.api, handler, chats, timing, log, timeoutSeconds: pollTimeoutSeconds, afterBatch: () => app.engine.flushDeliveries() });
    poller.start();
    reporter.err(`panelbot: Telegram @${bot.botInfo.username} is polling for updates.`);
  }
  sender.setReady(true);

  return {
    name: 'telegram',
    sender,
    ...(server ? { webhookPort: server.port } : {}),
    async stop() {
      sender.setReady(false);
      // Queued sends are handed back first, so nothing waits on a long rate-limit pause.
      queue.stop();
      await poller?.stop();
      await server?.close();
      app.engine.flushDeliveries();
    },
  };
}
