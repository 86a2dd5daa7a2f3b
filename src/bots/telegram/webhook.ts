// Webhook mode: a small HTTP server Telegram posts updates to. The secret-token header is checked
// before anything is read; an update whose replies could not be sent gets a 500, and Telegram
// posts it again later.
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Update } from 'grammy/types';
import type { Logger } from '../../core/conversation/logger';
import type { ChatQueue } from './chat-queue';
import type { UpdateHandler } from './handler';
import { chatKey } from './update-to-inbound';

const MAX_BODY = 1_000_000;

export interface WebhookServer {
  port: number;
  close(): Promise<void>;
}

export interface WebhookOptions {
  path: string;
  port: number;
  host?: string;
  secret: string;
  handler: UpdateHandler;
  chats: ChatQueue;
  log: Logger;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebhookServer(options: WebhookOptions): Promise<WebhookServer> {
  const { handler, chats, log } = options;
  const server = http.createServer((req, res) => {
    const reply = (status: number) => {
      res.statusCode = status;
      res.end();
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'POST' || url.pathname !== options.path) return reply(404);
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], options.secret)) {
      log.warn({}, 'webhook call with a wrong secret token refused');
      return reply(401);
    }
    void (async () => {
      const body = await readBody(req);
      if (body === undefined) return reply(413);
      let update: Update;
      try {
        update = JSON.parse(body) as Update;
        if (typeof update?.update_id !== 'number') throw new Error('no update_id');
      } catch {
        return reply(400);
      }
      const outcome = await chats.run(chatKey(update), () => handler.handle(update));
      reply(outcome.kind === 'done' ? 200 : 500);
    })().catch((err: unknown) => {
      log.error({ err: { name: (err as Error)?.name } }, 'webhook request failed');
      if (!res.headersSent) reply(500);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
