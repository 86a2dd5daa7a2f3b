// `panelbot chat [--user ID]`: talk to panelbot as a citizen in the terminal.
import os from 'node:os';
import { runConsoleChat } from '../bots/console';
import { one, type ParsedArgs } from './args';
import type { CliContext } from './context';
import { ConsoleSender } from '../bots/console-sender';
import { Dispatcher } from '../core/outbox/dispatcher';

export function consoleUser(args: ParsedArgs): string {
  return one(args, 'user') ?? os.userInfo().username ?? 'local';
}

/**
 * The terminal chat is a full channel: what the outbox sends to this person (the draw's outcome, a
 * helpline answer, a reminder) is printed here, checked every two seconds and after each message.
 * Only this person's console messages are sent by this process (the others stay pending), so it
 * needs no outbox lease and can run beside `serve`.
 */
export async function chatCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  const outbox = new ConsoleSender();
  const dispatcher = new Dispatcher({ services: app.services, senders: [outbox], channel: 'console' });
  let running: Promise<unknown> = Promise.resolve();
  const dispatch = () => (running = running.then(() => dispatcher.tick()).catch(() => undefined));
  const timer = setInterval(() => void dispatch(), 2000);
  try {
    await runConsoleChat({ engine: app.engine, userId: consoleUser(ctx.args), outbox, afterEach: dispatch });
  } finally {
    clearInterval(timer);
    await running;
  }
  return 0;
}
