// `panelbot chat [--user ID]`: talk to panelbot as a citizen in the terminal.
import os from 'node:os';
import { runConsoleChat } from '../bots/console';
import { one, type ParsedArgs } from './args';
import type { CliContext } from './context';

export function consoleUser(args: ParsedArgs): string {
  return one(args, 'user') ?? os.userInfo().username ?? 'local';
}

export async function chatCommand(ctx: CliContext): Promise<number> {
  const app = ctx.openApp();
  await runConsoleChat({ engine: app.engine, userId: consoleUser(ctx.args) });
  return 0;
}
