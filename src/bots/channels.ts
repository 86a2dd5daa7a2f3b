// Starts the channels whose settings are present, and the scheduler that feeds them.
import type { App } from '../app';
import type { Settings } from '../config/settings';
import type { ChannelSender } from '../core/outbox/ports';
import { ConsoleSender } from './console-sender';
import { Scheduler } from '../scheduler';
import { followUpTick } from '../core/followup/tick';
import { housekeeping } from '../core/outbox/housekeeping';
import { slackOptionsFrom } from './slack/options';
import { logisticsCountsText } from '../core/needs/logistics';

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
}

export interface Reporter {
  err(line: string): void;
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
  const scheduler = new Scheduler({ services: app.services, senders: [...senders, console], planners: [followUpTick, housekeeping] });
  scheduler.start();
  stops.push(() => scheduler.stop());
  return { names, senders, console, ...(webUrl ? { webUrl } : {}), stop: stopAll };

  async function startEach(): Promise<void> {
    if (settings.TELEGRAM_BOT_TOKEN) {
      // Each platform's library is loaded only when its channel is configured (faster start-up).
      const { startTelegram } = await import('./telegram');
      const telegram = await startTelegram(app, settings, reporter);
      names.push(telegram.name);
      senders.push(telegram.sender);
      stops.push(() => telegram.stop());
    }
    if (settings.WHATSAPP_ENABLED) {
      const { startWhatsApp } = await import('./whatsapp');
      const whatsapp = await startWhatsApp(app, settings, reporter);
      names.push(whatsapp.name);
      senders.push(whatsapp.sender);
      stops.push(() => whatsapp.stop());
    }
    if (settings.PANELBOT_WEB_PORT !== undefined) {
      const { startWeb } = await import('./web/index');
      const web = await startWeb(app, settings, reporter);
      names.push(web.name);
      senders.push(web.sender);
      webUrl = web.url;
      stops.push(() => web.stop());
    }
    // Slack is for organisers: it sends nothing to citizens, so it has no sender.
    const slackOptions = slackOptionsFrom(settings);
    if (slackOptions) {
      const logistics = logisticsCountsText(app.db, app.services.config);
      const { startSlack } = await import('./slack/app');
      const slack = await startSlack(app.services, { ...slackOptions, logistics });
      names.push(`slack (${slack.mode}${slack.port ? ` on port ${slack.port}` : ''})`);
      stops.push(() => slack.stop());
    }
  }
}
