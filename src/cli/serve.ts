// `panelbot serve` (npm start): every channel whose settings are present, and the scheduler.
// With no channel configured it says how to add one and opens the terminal chat.
import type { CliContext } from './context';
import { runConsoleChat } from '../bots/console';
import { consoleUser } from './chat';
import { startChannels } from '../bots/channels';

export async function serveCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  // Stopped while still starting (a channel waiting for its platform): leave at once.
  const early = (signal: NodeJS.Signals) => {
    ctx.err(`panelbot: stopped (${signal}) while starting.`);
    app.close();
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  };
  // SIGHUP too (a closed terminal): panelbot stops its channels itself, never a library's handler.
  process.once('SIGINT', early);
  process.once('SIGTERM', early);
  process.once('SIGHUP', early);
  let running;
  try {
    running = await startChannels(app, ctx.settings, ctx, { localWebWhenAlone: true, holdRealSends: ctx.rehearsal !== undefined && !ctx.rehearsal.sends });
  } finally {
    process.off('SIGINT', early);
    process.off('SIGTERM', early);
    process.off('SIGHUP', early);
  }
  if (running.names.length === 0) {
    ctx.err('panelbot: no channel configured, so here is the terminal chat (type your messages below; Ctrl+D to quit).');
    ctx.err('To add Telegram, WhatsApp, the web chat or Slack, copy .env.example to .env and fill in TELEGRAM_BOT_TOKEN, WHATSAPP_ENABLED, PANELBOT_WEB_PORT or SLACK_BOT_TOKEN.');
    await runConsoleChat({ engine: app.engine, userId: consoleUser(ctx.args), outbox: running.console });
    await running.stop();
    app.close();
    return 0;
  }
  ctx.err(`panelbot: running ${running.names.join(', ')}. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop);
  });
  await running.stop();
  app.close();
  // Whatever a library left open (a socket, a timer) gets two seconds, then the process ends.
  setTimeout(() => process.exit(0), 2000).unref();
  return 0;
}
