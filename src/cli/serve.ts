// `panelbot serve` (npm start): every channel whose settings are present, and the scheduler.
// With no channel configured it says how to add one and opens the terminal chat.
import type { CliContext } from './context';
import { runConsoleChat } from '../bots/console';
import { consoleUser } from './chat';
import { startChannels } from '../channels';

export async function serveCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  const running = await startChannels(app, ctx.settings, ctx);
  if (running.names.length === 0) {
    ctx.err('panelbot: no channel configured, so here is the terminal chat (type your messages below; Ctrl+D to quit).');
    ctx.err('To add Telegram, WhatsApp or Slack, copy .env.example to .env and fill in TELEGRAM_BOT_TOKEN, WHATSAPP_ENABLED or SLACK_BOT_TOKEN.');
    await runConsoleChat({ engine: app.engine, userId: consoleUser(ctx.args), outbox: running.console });
    await running.stop();
    return 0;
  }
  ctx.err(`panelbot: running ${running.names.join(', ')}. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.stop();
  return 0;
}
