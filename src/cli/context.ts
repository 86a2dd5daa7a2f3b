// What every command gets: the parsed arguments, the app (opened on demand), and output streams.
import { createApp, type App } from '../app';
import { createLogger } from '../logging';
import type { ParsedArgs } from './args';
import { has, one, UsageError } from './args';
import { RehearsalClock } from '../core/panel/rehearsal-clock';
import { PANEL_TIME_EXAMPLES, panelDateTimeWithZone, parsePanelTime } from '../core/panel/panel-time';
import { readSettings, type Settings } from '../config/settings';

export interface CliContext {
  args: ParsedArgs;
  settings: Settings;
  out: (line: string) => void;
  err: (line: string) => void;
  openApp(): App;
  /** Where a question to the organiser is answered (a confirmation): standard input unless a test gives another. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Set while rehearsing (--now or PANELBOT_NOW): real channels do not send unless --rehearsal-send. */
  rehearsal?: { sends: boolean };
}

export function createCliContext(args: ParsedArgs, command = ''): CliContext {
  const settings = readSettings();
  let app: App | undefined;
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const rehearsalAt = one(args, 'now') ?? settings.PANELBOT_NOW;
  const clock = rehearsalAt !== undefined ? new RehearsalClock() : undefined;
  return {
    ...(rehearsalAt !== undefined ? { rehearsal: { sends: has(args, 'rehearsal-send') } } : {}),
    args,
    settings,
    out: (line) => process.stdout.write(`${line}\n`),
    err,
    openApp() {
      if (app) return app;
      app = createApp({
        dbPath: one(args, 'db') ?? settings.PANELBOT_DB,
        configPath: one(args, 'config') ?? settings.PANELBOT_CONFIG,
        // Only a serving panelbot writes its info logs; the terminal chat and the organisers'
        // commands share the screen with the person: warnings only, unless LOG_LEVEL says otherwise.
        log: createLogger(settings.LOG_LEVEL ?? (command === 'serve' && !opensTerminalChat(command, settings) ? 'info' : 'warn')),
        onExampleConfig: (file) => err(`panelbot: no --config or PANELBOT_CONFIG given: using the example panel (${file}).`),
        ...(clock ? { clock } : {}),
      });
      // Once, when the app opens (a command may ask for it several times).
      if (clock && rehearsalAt !== undefined) {
        // Read in the panel's time zone, known once the configuration is.
        const tz = app.services.config.panel.timezone;
        const moment = parsePanelTime(rehearsalAt, tz);
        if (!moment) throw new UsageError(`--now / PANELBOT_NOW "${rehearsalAt}" is not a date and time: type it like ${PANEL_TIME_EXAMPLES}`);
        clock.startAt(moment);
        const sends = has(args, 'rehearsal-send') ? 'real channels send (--rehearsal-send)' : 'real channels do not send (add --rehearsal-send to let them)';
        err(`panelbot: REHEARSAL: running as if it were ${panelDateTimeWithZone(moment, tz)}, and time moves on from there; ${sends}.`);
      }
      return app;
    },
  };
}

/** `chat`, and `serve` with no channel configured, give the terminal to a conversation. */
function opensTerminalChat(command: string, settings: Settings): boolean {
  if (command === 'chat') return true;
  return command === 'serve' && !settings.TELEGRAM_BOT_TOKEN && !settings.WHATSAPP_ENABLED && !settings.SLACK_BOT_TOKEN;
}
