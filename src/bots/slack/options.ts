// The Slack app's options, read from the settings. Kept apart from app.ts so that reading them does
// not load Bolt (channels load it only when Slack is configured).
import type { Settings } from '../../config/settings';
import type { LogisticsReport } from './command';
import { paceFromSeconds, type PaceOptions } from '../whatsapp/pace';

export interface SlackOptions {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  port?: number;
  /** Another Web API base URL, ending with a slash (tests, proxies). */
  apiUrl?: string;
  helplineChannel?: string;
  alertsChannel?: string;
  /** "U123,U456" or "S789": who may act. */
  organisers?: string;
  /** How often the poster runs, in ms (0: never by itself; tests call tick()). */
  pollMs?: number;
  /** Answer HTTP requests only once handled (deterministic tests); Slack's 3 s limit applies. */
  processBeforeResponse?: boolean;
  logistics?: LogisticsReport;
  /** WhatsApp's sending pace, to tell organisers how long a broadcast there takes. */
  whatsappPace?: PaceOptions;
}

export function slackOptionsFrom(settings: Settings): SlackOptions | undefined {
  if (!settings.SLACK_BOT_TOKEN) return undefined;
  return {
    botToken: settings.SLACK_BOT_TOKEN,
    signingSecret: settings.SLACK_SIGNING_SECRET,
    appToken: settings.SLACK_APP_TOKEN,
    port: settings.SLACK_PORT ?? 3000,
    apiUrl: settings.SLACK_API_URL ? settings.SLACK_API_URL.replace(/\/?$/, '/') : undefined,
    helplineChannel: settings.SLACK_HELPLINE_CHANNEL,
    alertsChannel: settings.SLACK_ALERTS_CHANNEL,
    organisers: settings.SLACK_ORGANISERS,
    whatsappPace: paceFromSeconds(settings.WHATSAPP_GAP_MIN_SECONDS, settings.WHATSAPP_GAP_MAX_SECONDS),
  };
}

