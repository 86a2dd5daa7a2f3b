// Starts the channels whose settings are present, and the scheduler that feeds them.
import { answerHeldMessages } from '../core/conversation/held';
import type { App } from '../app';
import type { Settings } from '../config/settings';
import type { ChannelSender } from '../core/outbox/ports';
import { ConsoleSender } from './console-sender';
import { Scheduler } from '../scheduler';
import { followUpTick } from '../core/followup/tick';
import { housekeeping } from '../core/outbox/housekeeping';
import { slackOptionsFrom } from './slack/options';
import { logisticsCountsText } from '../core/needs/logistics';
import type { ChannelDefinition, Reporter, RunningChannel } from './channel';
import { heldForRehearsal, REAL_CHANNELS } from './rehearsal-hold';

export type { Reporter } from './channel';

/**
 * Every channel panelbot has, in the order they start. A new platform is one entry here and an
 * adapter that implements src/bots/channel.ts. Each platform's library is loaded only when its
 * channel is configured (faster start-up).
 */
export const CHANNELS: ChannelDefinition[] = [
  {
    id: 'telegram',
    configured: (settings) => Boolean(settings.TELEGRAM_BOT_TOKEN),
    start: async (app, settings, reporter) => (await import('./telegram')).startTelegram(app, settings, reporter),
  },
  {
    id: 'whatsapp',
    configured: (settings) => Boolean(settings.WHATSAPP_ENABLED),
    start: async (app, settings, reporter) => (await import('./whatsapp')).startWhatsApp(app, settings, reporter),
  },
  {
    id: 'web',
    configured: (settings) => settings.PANELBOT_WEB_PORT !== undefined,
    start: async (app, settings, reporter) => (await import('./web/index')).startWeb(app, settings, reporter),
  },
  {
    // For organisers: it sends nothing to citizens, so it has no sender.
    id: 'slack',
    configured: (settings) => slackOptionsFrom(settings) !== undefined,
    async start(app, settings): Promise<RunningChannel> {
      const logistics = logisticsCountsText(app.db, app.services.config);
      const { startSlack } = await import('./slack/app');
      const slack = await startSlack(app.services, { ...slackOptionsFrom(settings)!, logistics });
      return { name: `slack (${slack.mode}${slack.port ? ` on port ${slack.port}` : ''})`, stop: () => slack.stop() };
    },
  },
];

export interface RunningChannels {
  names: string[];
  /** How each running channel sends what the outbox holds; the scheduler dispatches through them. */
  senders: ChannelSender[];
  /** Prints outbox messages for users who have a terminal chat open in this process. */
  console: ConsoleSender;
  /** The web chat's address when it runs (configured, or on localhost because nothing else is). */
  webUrl?: string;
  stop(): Promise<void>;
}

export interface ChannelOptions {
  /** With no channel configured, serve the web chat on localhost anyway (beside the terminal chat). */
  localWebWhenAlone?: boolean;
  /** Rehearsal without --rehearsal-send: Telegram and WhatsApp do not run; their outbox rows are skipped as 'rehearsal'. */
  holdRealSends?: boolean;
}


export async function startChannels(app: App, settings: Settings, reporter: Reporter, options: ChannelOptions = {}): Promise<RunningChannels> {
  const stops: Array<() => Promise<void>> = [];
  const names: string[] = [];
  const senders: ChannelSender[] = [];
  let webUrl: string | undefined;
  const stopAll = async () => {
    for (const stop of [...stops].reverse()) await stop();
    stops.length = 0;
  };
  try {
    await startEach();
    if (names.length === 0 && options.localWebWhenAlone) {
      // Not counted as a configured channel: the terminal chat opens beside it.
      const { startWeb } = await import('./web/index');
      const web = await startWeb(app, settings, reporter, { host: '127.0.0.1', anyPortIfTaken: settings.PANELBOT_WEB_PORT === undefined });
      webUrl = web.url;
      senders.push(web.sender);
      stops.push(() => web.stop());
    }
  } catch (err) {
    // A channel that cannot start stops the others it would have run beside: no half-started panelbot.
    await stopAll();
    throw err;
  }
  // The scheduler starts last, with the senders of every channel started above.
  const console = new ConsoleSender();
  const sending = options.holdRealSends ? [...senders, ...REAL_CHANNELS.map(heldForRehearsal)] : senders;
  const scheduler = new Scheduler({ services: app.services, senders: [...sending, console], planners: [followUpTick, housekeeping, () => answerHeldMessages(app.engine)] });
  scheduler.start();
  stops.push(() => scheduler.stop());
  return { names, senders, console, ...(webUrl ? { webUrl } : {}), stop: stopAll };

  async function startEach(): Promise<void> {
    for (const channel of CHANNELS) {
      if (!channel.configured(settings)) continue;
      if (options.holdRealSends && (REAL_CHANNELS as readonly string[]).includes(channel.id)) {
        reporter.err(`panelbot: REHEARSAL: ${channel.id} is configured but does not run (add --rehearsal-send to let it).`);
        continue;
      }
      const running = await channel.start(app, settings, reporter);
      names.push(running.name);
      if (running.sender) senders.push(running.sender);
      if (running.url) webUrl = running.url;
      stops.push(() => running.stop());
    }
  }
}
