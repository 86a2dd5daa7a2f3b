// The terminal chat: one person (--user) talking to panelbot. Interactive on a TTY; otherwise each
// line of standard input is one message and every reply is printed before the next line is read.
import readline from 'node:readline';
import type { Engine } from '../core/conversation/engine';
import type { ChannelAddress, Inbound, InboundContent, Outbound } from '../core/conversation/messages';
import { renderWithAttachment } from './render-text';
import type { ConsoleSender } from './console-sender';

export interface ConsoleChatOptions {
  engine: Engine;
  userId: string;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
  /** When given, messages the outbox sends to this user are printed here while the chat is open. */
  outbox?: ConsoleSender;
  /** Called after each message is answered (the chat's own outbox dispatch: what is due shows before the next line). */
  afterEach?: () => Promise<unknown>;
  /** Ends the chat (as the end of input does): `serve` stopping on a signal. */
  signal?: AbortSignal;
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const address: ChannelAddress = { channel: 'console', userId: options.userId };
  const interactive = Boolean(input.isTTY);
  let counter = 0;
  const session = `${Date.now().toString(36)}-${process.pid}`;

  const send = async (content: InboundContent) => {
    const inbound: Inbound = { address, messageId: `${session}-${++counter}`, content };
    const replies = await options.engine.submit(inbound);
    print(replies);
    options.engine.delivered(inbound);
  };
  const print = (replies: Outbound[]) => {
    for (const reply of replies) output.write(`${interactive ? '\n' : ''}${renderWithAttachment(reply)}\n${interactive ? '' : '\n'}`);
  };

  await send({ kind: 'start' });
  const detach = options.outbox?.attach(options.userId, (message) => print([message]));
  await options.afterEach?.();
  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    rl.setPrompt('> ');
    rl.prompt();
    // Ctrl+C ends the chat like Ctrl+D (readline only pauses the input when nobody listens).
    rl.on('SIGINT', () => rl.close());
  }
  const close = () => rl.close();
  if (options.signal?.aborted) close();
  options.signal?.addEventListener('abort', close, { once: true });
  for await (const line of rl) {
    await send({ kind: 'text', text: line });
    await options.afterEach?.();
    if (interactive) rl.prompt();
  }
  options.signal?.removeEventListener('abort', close);
  detach?.();
}
