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
  // Rehearsing without --rehearsal-send: Telegram and WhatsApp do not run (src/bots/rehearsal-hold.ts).
  const held = ctx.rehearsal !== undefined && !ctx.rehearsal.sends;
  let running;
  try {
    running = await startChannels(app, ctx.settings, ctx, { localWebWhenAlone: true, holdRealSends: held });
  } finally {
    process.off('SIGINT', early);
    process.off('SIGTERM', early);
    process.off('SIGHUP', early);
  }
  if (running.names.length === 0) {
    if (held) ctx.err('panelbot: no channel runs in this rehearsal, so here is the terminal chat (type your messages below; Ctrl+D to quit).');
    else {
      ctx.err('panelbot: no channel configured, so here is the terminal chat (type your messages below; Ctrl+D to quit).');
      ctx.err('To add Telegram, WhatsApp, the web chat or Slack, copy .env.example to .env and fill in TELEGRAM_BOT_TOKEN, WHATSAPP_ENABLED, PANELBOT_WEB_PORT or SLACK_BOT_TOKEN.');
    }
    // A signal ends the chat as the end of input does; then everything stops the same way.
    const endChat = new AbortController();
    const stopping = whenSignalled();
    void stopping.signal.then(() => endChat.abort());
    await runConsoleChat({ engine: app.engine, userId: consoleUser(ctx.args), outbox: running.console, signal: endChat.signal });
    stopping.cancel();
    await running.stop();
    app.close();
    const signal = stopping.received();
    if (signal) {
      ctx.err(`panelbot: stopped (${signal}): every channel closed, the outbox lease released.`);
      // Standard input may still be open (a pipe): it must not keep the process alive.
      setTimeout(() => process.exit(0), 2000).unref();
    }
    return 0;
  }
  ctx.err(`panelbot: running ${running.names.join(', ')}. Press Ctrl+C to stop.`);
  const signal = await whenSignalled().signal;
  ctx.err(`panelbot: stopping (${signal})…`);
  await running.stop();
  app.close();
  ctx.err(`panelbot: stopped (${signal}): every channel closed, the outbox lease released.`);
  // Whatever a library left open (a socket, a timer) gets two seconds, then the process ends.
  setTimeout(() => process.exit(0), 2000).unref();
  return 0;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The first of SIGINT, SIGTERM or SIGHUP (a closed terminal): panelbot stops its channels itself,
 * never a library's handler. After it the handlers are removed, so a second signal ends the process
 * at once (Ctrl+C twice when a stop hangs).
 */
function whenSignalled(): { signal: Promise<NodeJS.Signals>; received(): NodeJS.Signals | undefined; cancel(): void } {
  let got: NodeJS.Signals | undefined;
  let handler: (signal: NodeJS.Signals) => void = () => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    handler = (s) => {
      got = s;
      cancel();
      // After a hang-up the terminal may be gone: a failed write must not crash the stop.
      if (s === 'SIGHUP') for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
      resolve(s);
    };
  });
  const cancel = () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return { signal, received: () => got, cancel };
}
