// A fake Telegram Bot API server for tests (node:http on 127.0.0.1, a random port). It keeps the
// real protocol's rules that matter to panelbot: getUpdates confirms with its offset and long-polls
// with its timeout, getUpdates is refused while a webhook is set, and it can be told to answer
// 429 with retry_after, 5xx, drop the connection, or 403 for a chat that blocked the bot.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, InlineKeyboardMarkup, Message, Update, User } from 'grammy/types';

export const FAKE_TOKEN = '123456:TEST-token-abcdefghij';
export const FAKE_BOT: User & { username: string } = { id: 123456, is_bot: true, first_name: 'Panel', username: 'panel_test_bot' };

export interface SentMessage {
  chatId: number;
  messageId: number;
  text?: string;
  replyMarkup?: InlineKeyboardMarkup;
  document?: { filename: string; content: string };
}

export interface Fault {
  method: string;
  /** Only calls for this chat. */
  chatId?: number;
  code?: number;
  description?: string;
  retryAfter?: number;
  /** Closes the connection without an answer (a network failure). */
  drop?: boolean;
  times: number;
}

export type UpdateBody = Omit<Update, 'update_id'>;

interface ApiError {
  code: number;
  description: string;
  retryAfter?: number;
}

export class FakeBotApi {
  readonly calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  readonly sent: SentMessage[] = [];
  readonly commands = new Map<string, BotCommand[]>();
  readonly answeredCallbacks = new Set<string>();
  readonly blocked = new Set<number>();
  webhook: { url: string; secretToken?: string } | undefined;
  /** The highest offset getUpdates was called with: every update below is confirmed. */
  confirmedOffset = 0;
  /** Told of each message the moment the fake accepts it. */
  onSent: ((message: SentMessage) => void) | undefined;
  /**
   * While true, messages are accepted (and delivered) but not answered: the bot cannot know they
   * went. What is held when the bot is killed is exactly what was in flight.
   */
  holding = false;
  /** The messages accepted and not answered yet. */
  readonly held = new Set<SentMessage>();
  private releases: Array<() => void> = [];

  private updates: Update[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = new Map<number, number>();
  private faults: Fault[] = [];
  private pollers: Array<() => void> = [];
  private confirmWaiters: Array<{ updateId: number; resolve: () => void }> = [];
  private readonly history = new Map<number, Update>();
  private readonly numbered = new WeakSet<object>();

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeBotApi> {
    const server = http.createServer();
    const fake = new FakeBotApi(server);
    server.on('request', (req, res) => void fake.route(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.pollers.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls of a method (for a chat) fail as told. */
  fail(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Answers what was held and stops holding. */
  release(): void {
    this.holding = false;
    for (const resolve of this.releases.splice(0)) resolve();
  }

  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  /**
   * Adds an update for getUpdates; returns its update_id. A new message gets its number in the
   * chat's sequence, shared with the bot's messages, as in a Telegram private chat (pushing the same
   * message object again keeps its number: a redelivery).
   */
  push(body: UpdateBody): number {
    const message = body.message;
    if (message?.chat?.id !== undefined && !this.numbered.has(message)) {
      this.numbered.add(message);
      const next = (this.nextMessageId.get(message.chat.id) ?? 1) + 1;
      this.nextMessageId.set(message.chat.id, next);
      (message as { message_id: number }).message_id = next;
    }
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    this.updates.push(update);
    this.history.set(update.update_id, update);
    for (const wake of this.pollers.splice(0)) wake();
    return update.update_id;
  }

  /** Gives an update back as if its confirmation never reached Telegram (the bot crashed first). */
  replay(updateId: number): void {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`no update ${updateId}`);
    this.confirmedOffset = Math.min(this.confirmedOffset, updateId);
    this.updates.unshift(update);
    for (const wake of this.pollers.splice(0)) wake();
  }

  /** Resolves once the bot confirmed the update (called getUpdates with a higher offset). */
  handled(updateId: number): Promise<void> {
    if (this.confirmedOffset > updateId) return Promise.resolve();
    return new Promise((resolve) => this.confirmWaiters.push({ updateId, resolve }));
  }

  callsOf(method: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.params);
  }

  sentTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  // ---- the HTTP side ----

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const error = (e: ApiError) =>
      send(e.code, { ok: false, error_code: e.code, description: e.description, ...(e.retryAfter ? { parameters: { retry_after: e.retryAfter } } : {}) });
    if (!match) return error({ code: 404, description: 'Not Found' });
    if (match[1] !== FAKE_TOKEN) return error({ code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    let params: Record<string, unknown>;
    try {
      params = await readParams(req);
    } catch {
      return error({ code: 400, description: 'Bad Request: cannot read the parameters' });
    }
    this.calls.push({ method, params });

    const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
    const fault = this.faults.find((f) => f.method === method && f.times > 0 && (f.chatId === undefined || f.chatId === chatId));
    if (fault) {
      fault.times--;
      if (fault.drop) return void res.socket?.destroy();
      return error({ code: fault.code ?? 500, description: fault.description ?? 'Internal Server Error', ...(fault.retryAfter ? { retryAfter: fault.retryAfter } : {}) });
    }
    try {
      const result = await this.call(method, params, res);
      send(200, { ok: true, result });
    } catch (err) {
      if (isApiError(err)) error(err);
      else error({ code: 500, description: String(err) });
    }
  }

  private async call(method: string, p: Record<string, unknown>, res: http.ServerResponse): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return { ...FAKE_BOT, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'getUpdates':
        return this.getUpdates(Number(p.offset ?? 0), Number(p.timeout ?? 0), Number(p.limit ?? 100), res);
      case 'sendMessage':
      case 'sendDocument': {
        const message = this.sendMessage(method, p);
        if (this.holding) {
          const sent = this.sent.at(-1)!;
          this.held.add(sent);
          await new Promise<void>((resolve) => {
            this.releases.push(resolve);
            res.once('close', resolve);
          });
          this.held.delete(sent);
        }
        return message;
      }
      case 'answerCallbackQuery': {
        const id = String(p.callback_query_id);
        if (this.answeredCallbacks.has(id)) throw apiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        this.answeredCallbacks.add(id);
        return true;
      }
      case 'editMessageReplyMarkup': {
        const message = this.sent.find((m) => m.chatId === Number(p.chat_id) && m.messageId === Number(p.message_id));
        if (!message) throw apiError(400, 'Bad Request: message to edit not found');
        const markup = p.reply_markup as InlineKeyboardMarkup | undefined;
        if (JSON.stringify(markup) === JSON.stringify(message.replyMarkup)) throw apiError(400, 'Bad Request: message is not modified');
        if (markup) message.replyMarkup = markup;
        else delete message.replyMarkup;
        return { message_id: message.messageId, date: 1, chat: { id: message.chatId, type: 'private' }, text: message.text };
      }
      case 'setMyCommands':
        this.commands.set(String(p.language_code ?? ''), p.commands as BotCommand[]);
        return true;
      case 'setWebhook':
        this.webhook = { url: String(p.url), ...(p.secret_token ? { secretToken: String(p.secret_token) } : {}) };
        return true;
      case 'deleteWebhook':
        this.webhook = undefined;
        if (p.drop_pending_updates) this.updates = [];
        return true;
      default:
        throw apiError(404, 'Not Found: method not found');
    }
  }

  private async getUpdates(offset: number, timeout: number, limit: number, res: http.ServerResponse): Promise<Update[]> {
    if (this.webhook) throw apiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    if (offset > 0) {
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
      this.updates = this.updates.filter((u) => u.update_id >= offset);
      const done = this.confirmWaiters.filter((w) => w.updateId < this.confirmedOffset);
      this.confirmWaiters = this.confirmWaiters.filter((w) => w.updateId >= this.confirmedOffset);
      for (const w of done) w.resolve();
    }
    if (this.updates.length === 0 && timeout > 0) {
      // Long polling: answer when an update comes, the timeout passes, or the bot goes away.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeout * 1000);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.pollers.push(done);
        res.once('close', done); // the bot aborted, or the server closes
      });
    }
    return this.updates.slice(0, limit);
  }

  private sendMessage(method: string, p: Record<string, unknown>): Message {
    const chatId = Number(p.chat_id);
    if (this.blocked.has(chatId)) throw apiError(403, 'Forbidden: bot was blocked by the user');
    const messageId = (this.nextMessageId.get(chatId) ?? 1) + 1;
    this.nextMessageId.set(chatId, messageId);
    const message: SentMessage = { chatId, messageId };
    if (method === 'sendMessage') message.text = String(p.text);
    if (p.reply_markup) message.replyMarkup = p.reply_markup as InlineKeyboardMarkup;
    if (p.document && typeof p.document === 'object') message.document = p.document as SentMessage['document'];
    this.sent.push(message);
    this.onSent?.(message);
    return {
      message_id: messageId,
      date: 1,
      chat: { id: chatId, type: 'private', first_name: 'Test' },
      from: FAKE_BOT,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
    } as Message;
  }

  /** A message the bot sent, with its current keyboard, as Telegram would put it in a callback. */
  messageFor(sent: SentMessage): Message {
    return {
      message_id: sent.messageId,
      date: 1,
      chat: { id: sent.chatId, type: 'private', first_name: 'Test' },
      from: FAKE_BOT,
      text: sent.text ?? '',
      ...(sent.replyMarkup ? { reply_markup: sent.replyMarkup } : {}),
    } as Message;
  }
}

function apiError(code: number, description: string): ApiError {
  return { code, description };
}

function isApiError(err: unknown): err is ApiError {
  return typeof err === 'object' && err !== null && 'code' in err && 'description' in err;
}

/** JSON bodies, or multipart ones (files): object fields arrive JSON-encoded, files as attach://name. */
async function readParams(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return {};
  if (type.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (type.startsWith('multipart/form-data')) {
    const fields = parseMultipart(body.toString('utf8'), /boundary=(.+)$/.exec(type)?.[1] ?? '');
    const params: Record<string, unknown> = {};
    for (const field of fields.filter((f) => f.filename === undefined)) {
      params[field.name] = field.value;
      if (/^[[{]/.test(field.value)) {
        try {
          params[field.name] = JSON.parse(field.value);
        } catch {
          // a text that only looks like JSON
        }
      }
    }
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'string' && value.startsWith('attach://')) {
        const file = fields.find((f) => f.name === value.slice('attach://'.length));
        if (file) params[key] = { filename: file.filename, content: file.value };
      }
    }
    return params;
  }
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

/** grammY's multipart bodies (headers without spaces, bare filenames), text parts only. */
function parseMultipart(body: string, boundary: string): Array<{ name: string; filename?: string; value: string }> {
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const at = part.indexOf('\r\n\r\n');
      const head = part.slice(0, at);
      const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
      const filename = /filename="?([^";\r\n]*)"?/.exec(head)?.[1];
      return { name, ...(filename !== undefined ? { filename } : {}), value: part.slice(at + 4).replace(/\r\n$/, '') };
    });
}
