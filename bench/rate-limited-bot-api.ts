// A local Telegram Bot API (node:http on 127.0.0.1) that allows `perSecond` messages in any one
// second, all chats together, and answers 429 with retry_after beyond that, as Telegram does.
// It counts what it accepted per chat, so duplicates and losses can be told afterwards.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_BOT, BENCH_TOKEN } from './local-bot-api';

export class RateLimitedBotApi {
  /** Messages accepted per chat. */
  readonly accepted = new Map<number, number>();
  acceptedTotal = 0;
  refused429 = 0;
  firstAcceptedAt = Infinity;
  lastAcceptedAt = -Infinity;
  private window: number[] = [];
  private messageId = 1;

  private constructor(
    private readonly server: http.Server,
    readonly perSecond: number,
  ) {}

  static async start(perSecond = 30): Promise<RateLimitedBotApi> {
    const server = http.createServer();
    const api = new RateLimitedBotApi(server, perSecond);
    server.on('request', (req, res) => void api.route(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Forgets the counts (between two measured parts). */
  reset(): void {
    this.accepted.clear();
    this.acceptedTotal = 0;
    this.refused429 = 0;
    this.firstAcceptedAt = Infinity;
    this.lastAcceptedAt = -Infinity;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const params = body && (req.headers['content-type'] ?? '').startsWith('application/json') ? (JSON.parse(body) as Record<string, unknown>) : {};
    const [, token, method] = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '') ?? [];
    const reply = (status: number, payload: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (token !== BENCH_TOKEN) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    switch (method) {
      case 'getMe':
        return reply(200, { ok: true, result: BENCH_BOT });
      case 'getUpdates': {
        // Nobody writes during a broadcast: the long poll just runs out.
        const wait = Math.min(Number(params.timeout ?? 0), 1) * 1000;
        const timer = setTimeout(() => reply(200, { ok: true, result: [] }), wait);
        res.once('close', () => clearTimeout(timer));
        return;
      }
      case 'sendMessage':
        return this.sendMessage(params, reply);
      default:
        return reply(200, { ok: true, result: true });
    }
  }

  private sendMessage(params: Record<string, unknown>, reply: (status: number, payload: unknown) => void): void {
    const now = performance.now();
    while (this.window.length > 0 && this.window[0]! <= now - 1000) this.window.shift();
    if (this.window.length >= this.perSecond) {
      this.refused429++;
      const retryAfter = Math.max(1, Math.ceil((this.window[0]! + 1000 - now) / 1000));
      return reply(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    this.window.push(now);
    const chat = Number(params.chat_id);
    this.accepted.set(chat, (this.accepted.get(chat) ?? 0) + 1);
    this.acceptedTotal++;
    this.firstAcceptedAt = Math.min(this.firstAcceptedAt, now);
    this.lastAcceptedAt = now;
    reply(200, { ok: true, result: { message_id: this.messageId++, date: 1, chat: { id: chat, type: 'private', first_name: 'C' }, text: String(params.text ?? '') } });
  }
}
