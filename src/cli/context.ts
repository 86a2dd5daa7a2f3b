// What every command gets: the parsed arguments, the app (opened on demand), and output streams.
import { createApp, type App } from '../app';
import { createLogger } from '../logging';
import type { ParsedArgs } from './args';
import { one } from './args';
import { readSettings, type Settings } from '../config/settings';

export interface CliContext {
  args: ParsedArgs;
  settings: Settings;
  out: (line: string) => void;
  err: (line: string) => void;
  openApp(): App;
}

export function createCliContext(args: ParsedArgs, command = ''): CliContext {
  const settings = readSettings();
  let app: App | undefined;
  const err = (line: string) => process.stderr.write(`${line}\n`);
  return {
    args,
    settings,
    out: (line) => process.stdout.write(`${line}\n`),
    err,
    openApp() {
      app ??= createApp({
        dbPath: one(args, 'db') ?? settings.PANELBOT_DB,
        configPath: one(args, 'config') ?? settings.PANELBOT_CONFIG,
        // Only a serving panelbot writes its info logs; the terminal chat and the organisers'
        // commands share the screen with the person: warnings only, unless LOG_LEVEL says otherwise.
        log: createLogger(settings.LOG_LEVEL ?? (command === 'serve' && !opensTerminalChat(command, settings) ? 'info' : 'warn')),
        onExampleConfig: (file) => err(`panelbot: no --config or PANELBOT_CONFIG given: using the example panel (${file}).`),
      });
      return app;
    },
  };
}

/** `chat`, and `serve` with no channel configured, give the terminal to a conversation. */
function opensTerminalChat(command: string, settings: Settings): boolean {
  if (command === 'chat') return true;
  return command === 'serve' && !settings.TELEGRAM_BOT_TOKEN && !settings.WHATSAPP_ENABLED && !settings.SLACK_BOT_TOKEN;
}
