// The WhatsApp channel (whatsapp-web.js, a WhatsApp Web session in the system Chromium). Messages
// become Inbound values for the engine; replies and later messages go out through the paced,
// opt-in-only WhatsAppSender; SessionHealth logs in (QR code), watches and restarts the session.
// See whatsapp/ for each part and docs/whatsapp.md for running it for real.
import type { App } from '../app';
import { SettingsError, type Settings } from '../config/settings';
import type { ChannelSender } from '../core/outbox/ports';
import { dbFile } from '../db/client';
import { findPersonByAddress } from '../db/repos/people';
import { sessionDir, whatsappDataDir } from './whatsapp/paths';
import { checkChromium, checkWritable, PreflightError } from './whatsapp/preflight';
import { InboundHandler } from './whatsapp/handler';
import { DEFAULT_HEALTH, SessionHealth, type HealthOptions } from './whatsapp/health';
import { PacedQueue, paceFromSeconds, type PaceOptions } from './whatsapp/pace';
import type { WhatsAppPort } from './whatsapp/port';
import { WhatsAppSender } from './whatsapp/sender';
import { realWaTiming, type WaTiming } from './whatsapp/timing';
import { callToInbound, messageToInbound, reactionToInbound, editToInbound } from './whatsapp/to-inbound';
import type { RunningChannel } from './channel';

export interface Reporter {
  err(line: string): void;
}

export interface WhatsAppOptions {
  /** The session to use; by default a real whatsapp-web.js Client (see whatsapp/client.ts). */
  port?: WhatsAppPort;
  timing?: WaTiming;
  pace?: Partial<PaceOptions>;
  health?: Partial<HealthOptions>;
}

export interface RunningWhatsApp extends RunningChannel {
  name: 'whatsapp';
  sender: ChannelSender;
  health: SessionHealth;
  /** Resolves when every message received so far has been answered (or its answer parked). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

async function realPort(app: App, settings: Settings, reporter: Reporter): Promise<WhatsAppPort> {
  const dataDir = whatsappDataDir(settings.PANELBOT_DATA_DIR, dbFile(app.db));
  // A configuration error stops start-up with one line, instead of being retried forever.
  try {
    checkChromium(settings.CHROMIUM_PATH);
    checkWritable(sessionDir(dataDir));
  } catch (err) {
    if (err instanceof PreflightError) throw new SettingsError(err.message);
    throw err;
  }
  // Loaded here only: whatsapp-web.js pulls in puppeteer, which nobody else needs.
  const { createWhatsAppPort } = await import('./whatsapp/client');
  reporter.err(`panelbot: WhatsApp keeps its login in ${sessionDir(dataDir)}.`);
  return createWhatsAppPort({ chromiumPath: settings.CHROMIUM_PATH, dataDir });
}

export async function startWhatsApp(app: App, settings: Settings, reporter: Reporter, options: WhatsAppOptions = {}): Promise<RunningWhatsApp> {
  if (!settings.WHATSAPP_ENABLED) throw new SettingsError('WHATSAPP_ENABLED: not set');
  const { db, engine, services } = app;
  const log = services.log.child({ channel: 'whatsapp' });
  const timing = options.timing ?? realWaTiming;
  const port = options.port ?? (await realPort(app, settings, reporter));
  const pace = { ...paceFromSeconds(settings.WHATSAPP_GAP_MIN_SECONDS, settings.WHATSAPP_GAP_MAX_SECONDS), ...options.pace };

  let sender: WhatsAppSender | undefined;
  const queue = new PacedQueue(timing, pace, () => sender?.isReady() ?? false);
  sender = new WhatsAppSender(port, db, queue, log);
  const handler = new InboundHandler({ db, engine, sender, queue, clock: services.clock, log });
  const health = new SessionHealth({
    port,
    timing,
    options: { ...DEFAULT_HEALTH, ...options.health },
    db,
    clock: services.clock,
    log,
    reporter,
    alertLogin: Boolean(settings.SLACK_BOT_TOKEN),
    dataDir: whatsappDataDir(settings.PANELBOT_DATA_DIR, dbFile(db)),
    setReady(ready) {
      sender!.setReady(ready);
      // Sends waiting in the queue go back to the outbox rather than wait for a session that is gone.
      if (!ready) queue.giveBack('whatsapp not connected');
    },
  });

  const isNew = (chatId: string) => !findPersonByAddress(db, { channel: 'whatsapp', userId: chatId });
  // Events are taken in order per chat; ignored ones (groups, status…) are dropped inside take().
  port.on('message', (message) => void handler.take(String(message?.from), () => messageToInbound(message, isNew(message.from))));
  port.on('call', (call) => void handler.take(String(call?.from), () => callToInbound(call)));
  port.on('message_reaction', (reaction) => void handler.take(String(reaction?.senderId), () => reactionToInbound(reaction)));
  port.on('message_edit', (message, newBody) => void handler.take(String(message?.from), () => editToInbound(message, newBody)));
  health.start();
  reporter.err('panelbot: WhatsApp is starting (Chromium); a QR code is printed here if a login is needed.');

  return {
    name: 'whatsapp',
    sender,
    health,
    drain: () => handler.drain(),
    async stop() {
      queue.stop();
      await handler.drain();
      await health.stop();
      engine.flushDeliveries();
    },
  };
}
