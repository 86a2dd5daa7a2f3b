// The web chat's HTTP routes (node:http). The adapter translates and decides nothing: a posted
// message becomes one Inbound for the engine, its replies go back as JSON, and the outbox's later
// messages go to the page's live stream (server-sent events).
//   GET  /            the code page          GET /r/<code>   the chat for that invitation
//   POST /start       the code page's form   GET /chat       the chat
//   POST /api/message one message (JSON)     GET /api/events the live stream
import fs from 'node:fs';
import path from 'node:path';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { ConversationPort } from '../channel';
import type { Translator } from '../../core/conversation/i18n';
import type { Logger } from '../../core/conversation/logger';
import type { Inbound, InboundContent } from '../../core/conversation/messages';
import type { Language, PanelConfig } from '../../core/panel/config';
import type { Db } from '../../db/client';
import { findPersonByAddress } from '../../db/repos/people';
import { findInvitation } from '../../db/repos/invitations';
import { letterLanguages, normalizeCode } from '../../core/registration/invitation-code';
import { packagePath } from '../../paths';
import { BodyTooLarge, clientIp, parseForm, readBody, sameOrigin, securityHeaders } from './http';
import { negotiate } from './language';
import { chatPage, codePage, messagePage, uiTexts, type Assets } from './pages';
import { RateLimiter, type WebLimits } from './rate-limit';
import { csrfToken, newSession, readSession, sessionCookie, validCsrf, type Session, type SessionKeys } from './session';
import type { WebSender } from './sender';
import { toWire } from './wire';

export const MESSAGE_BODY_LIMIT = 16 * 1024;
const FORM_BODY_LIMIT = 2 * 1024;
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const PENDING_TTL_MS = 15 * 60_000;
const PING_MS = 25_000;

export interface WebServerDeps {
  db: Db;
  /** Only what src/bots/channel.ts lets an adapter call. */
  engine: ConversationPort;
  i18n: Translator;
  config: PanelConfig;
  log: Logger;
  sender: WebSender;
  keys: SessionKeys;
  limits: WebLimits;
  publicUrl?: string;
  trustProxy: boolean;
}

interface LoadedAsset {
  body: Buffer;
  type: string;
}

function loadAssets(): { urls: Assets; files: Map<string, LoadedAsset> } {
  const dir = packagePath('src/bots/web/assets');
  const files = new Map<string, LoadedAsset>();
  const urls: Record<string, string> = {};
  for (const [name, type] of [
    ['chat.js', 'text/javascript; charset=utf-8'],
    ['chat.css', 'text/css; charset=utf-8'],
  ] as const) {
    const body = fs.readFileSync(path.join(dir, name));
    const version = createHash('sha256').update(body).digest('hex').slice(0, 10);
    files.set(`/assets/${name}`, { body, type });
    urls[path.extname(name).slice(1)] = `/assets/${name}?v=${version}`;
  }
  return { urls: { css: urls.css!, js: urls.js! }, files };
}

export function createWebServer(deps: WebServerDeps): http.Server {
  const { db, engine, i18n, config, log, sender, keys, limits } = deps;
  const assets = loadAssets();
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : undefined;
  const perIp = new RateLimiter(limits.perIp);
  const postsPerIp = new RateLimiter(limits.postsPerIp);
  const postsPerSession = new RateLimiter(limits.postsPerSession);
  const sessionsPerIp = new RateLimiter(limits.sessionsPerIp);
  const streamsByIp = new Map<string, number>();
  /** A code from /r/<code> or the code page, until the chat page takes it (kept out of the URL). */
  const pending = new Map<string, { code: string; at: number }>();

  const pageLanguage = (req: IncomingMessage, session?: Session, code?: string): Language => {
    const offered = config.panel.languages;
    if (session) {
      const person = findPersonByAddress(db, { channel: 'web', userId: session.userId });
      if (person?.language && offered.includes(person.language)) return person.language;
    }
    const normal = code ? normalizeCode(code) : undefined;
    const invitation = normal ? findInvitation(db, normal) : undefined;
    const fromLetter = invitation ? letterLanguages(invitation.languages).filter((l) => offered.includes(l)) : [];
    if (fromLetter.length === 1) return fromLetter[0]!;
    return negotiate(req.headers['accept-language'], fromLetter.length > 1 ? fromLetter : offered);
  };
  const ctx = (lang: Language) => ({ lang, i18n, config, assets: assets.urls });

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, ...headers });
    res.end(body);
  };
  const html = (res: ServerResponse, status: number, body: string) => send(res, status, 'text/html; charset=utf-8', body);
  const problem = (req: IncomingMessage, res: ServerResponse, status: number, key: string, extra: Record<string, string> = {}) => {
    const lang = negotiate(req.headers['accept-language'], config.panel.languages);
    const message = i18n.t(lang, `web:${key}`);
    if (req.url?.startsWith('/api/')) send(res, status, 'application/json', JSON.stringify({ error: key.split('.').pop() }), extra);
    else {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...extra });
      res.end(messagePage({ ...ctx(lang), message }));
    }
  };

  /** The request's session; a new one (cookie set on the answer) when `create` and the address may make one. */
  const sessionOf = (req: IncomingMessage, res: ServerResponse, ip: string, create: boolean): Session | 'limited' | undefined => {
    const existing = readSession(keys, req.headers.cookie);
    if (existing || !create) return existing;
    if (sessionsPerIp.take(ip) > 0) return 'limited';
    const session = newSession();
    res.setHeader('Set-Cookie', sessionCookie(keys, session));
    return session;
  };

  const remember = (session: Session, code: string) => {
    if (pending.size > 50_000) {
      const now = Date.now();
      for (const [k, v] of pending) if (now - v.at > PENDING_TTL_MS) pending.delete(k);
      if (pending.size > 50_000) pending.clear();
    }
    pending.set(session.id, { code: code.trim().slice(0, 32), at: Date.now() });
  };
  const takePending = (session: Session): string | undefined => {
    const p = pending.get(session.id);
    pending.delete(session.id);
    return p && Date.now() - p.at <= PENDING_TTL_MS ? p.code : undefined;
  };

  /** POSTs: the session's cookie, the page's origin and its CSRF token, within the rate limits. */
  const guardPost = (req: IncomingMessage, res: ServerResponse, ip: string, token: string | undefined, session: Session | undefined): session is Session => {
    if (!session) {
      problem(req, res, 403, 'chat.expired');
      return false;
    }
    if (!sameOrigin(req, publicOrigin, deps.trustProxy) || !validCsrf(keys, session, token)) {
      log.info({ route: req.url?.split('?')[0]?.slice(0, 20) }, 'web: a post without a valid CSRF token or origin was refused');
      problem(req, res, 403, 'errors.refused');
      return false;
    }
    const wait = Math.max(postsPerIp.take(ip), postsPerSession.take(session.id));
    if (wait > 0) {
      problem(req, res, 429, 'chat.tooFast', { 'Retry-After': String(Math.ceil(wait / 1000)) });
      return false;
    }
    return true;
  };

  async function postMessage(req: IncomingMessage, res: ServerResponse, ip: string): Promise<void> {
    const session = readSession(keys, req.headers.cookie);
    const token = req.headers['x-csrf-token'];
    if (!guardPost(req, res, ip, typeof token === 'string' ? token : undefined, session)) return;
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return problem(req, res, 415, 'errors.refused');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, MESSAGE_BODY_LIMIT));
    } catch (err) {
      return problem(req, res, err instanceof BodyTooLarge ? 413 : 400, err instanceof BodyTooLarge ? 'errors.tooLarge' : 'errors.refused');
    }
    const parsed = parseMessage(body);
    if (!parsed) return problem(req, res, 400, 'errors.refused');
    const address = { channel: 'web' as const, userId: session.userId };
    const inbound: Inbound = {
      address,
      // Namespaced by session: one page's ids never meet another's in the inbound log.
      messageId: `${session.userId}:${parsed.id}`,
      content: parsed.content,
      languageHint: negotiate(req.headers['accept-language'], config.panel.languages),
    };
    const replies = await engine.submit(inbound);
    const lang = pageLanguage(req, session);
    const payload = JSON.stringify({ replies: replies.map(toWire), lang, ui: uiTexts(i18n, lang) });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    // Confirmed once the answer is handed to the network; a page that lost it asks again with the
    // same id and gets the same replies.
    res.end(payload, () => engine.delivered(inbound));
  }

  async function postStart(req: IncomingMessage, res: ServerResponse, ip: string): Promise<void> {
    const session = readSession(keys, req.headers.cookie);
    let form: Record<string, string>;
    try {
      form = parseForm(await readBody(req, FORM_BODY_LIMIT));
    } catch {
      return problem(req, res, 413, 'errors.tooLarge');
    }
    if (!guardPost(req, res, ip, form.csrf, session)) return;
    if (form.code?.trim()) remember(session, form.code);
    res.writeHead(303, { Location: '/chat' });
    res.end();
  }

  function events(req: IncomingMessage, res: ServerResponse, ip: string): void {
    const session = readSession(keys, req.headers.cookie);
    if (!session) return problem(req, res, 403, 'chat.expired');
    const mine = streamsByIp.get(ip) ?? 0;
    if (mine >= limits.streamsPerIp || sender.openStreams >= limits.streamsTotal) return problem(req, res, 429, 'errors.tooMany', { 'Retry-After': '60' });
    streamsByIp.set(ip, mine + 1);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 5000\n\n');
    const detach = sender.attach(session.userId, res);
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    ping.unref();
    res.on('close', () => {
      clearInterval(ping);
      detach();
      const n = (streamsByIp.get(ip) ?? 1) - 1;
      if (n <= 0) streamsByIp.delete(ip);
      else streamsByIp.set(ip, n);
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    const ip = clientIp(req, deps.trustProxy);
    const wait = perIp.take(ip);
    if (wait > 0) return problem(req, res, 429, 'errors.tooMany', { 'Retry-After': String(Math.ceil(wait / 1000)) });
    const { pathname } = new URL(req.url ?? '/', 'http://panelbot.invalid');
    const method = req.method ?? 'GET';

    if (method === 'GET' || method === 'HEAD') {
      const asset = assets.files.get(pathname);
      if (asset) {
        res.setHeader('Cache-Control', 'public, max-age=86400');
        return send(res, 200, asset.type, asset.body);
      }
      if (pathname === '/healthz') return send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
      if (pathname === '/api/events') return events(req, res, ip);
      if (pathname === '/' || pathname === '/chat' || pathname.startsWith('/r/')) {
        const session = sessionOf(req, res, ip, true);
        if (session === 'limited' || !session) return problem(req, res, 429, 'errors.tooMany', { 'Retry-After': '600' });
        if (pathname === '/') return html(res, 200, codePage({ ...ctx(pageLanguage(req, session)), csrf: csrfToken(keys, session) }));
        if (pathname.startsWith('/r/')) {
          // The code is taken as typed; the conversation checks it as it checks a typed code.
          let code = '';
          try {
            code = decodeURIComponent(pathname.slice(3));
          } catch {
            code = pathname.slice(3);
          }
          if (code.trim()) remember(session, code);
          res.writeHead(303, { Location: '/chat' });
          return void res.end();
        }
        const start = takePending(session);
        return html(res, 200, chatPage({ ...ctx(pageLanguage(req, session, start)), csrf: csrfToken(keys, session), ...(start ? { start } : {}) }));
      }
      return problem(req, res, 404, 'errors.notFound');
    }
    if (method === 'POST' && pathname === '/api/message') return postMessage(req, res, ip);
    if (method === 'POST' && pathname === '/start') return postStart(req, res, ip);
    res.setHeader('Allow', 'GET, HEAD, POST');
    return problem(req, res, 405, 'errors.notFound');
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      // Ids and the route only: a URL may carry a code, a body personal data.
      log.error({ err: { name: (err as Error).name, message: (err as Error).message.slice(0, 200) } }, 'web: request failed');
      if (!res.headersSent) problem(req, res, 500, 'errors.notFound');
      else res.end();
    });
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  return server;
}

/** A posted message: a client id (the same on a retry) and one of the contents a person can send. */
export function parseMessage(body: unknown): { id: string; content: InboundContent } | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.id !== 'string' || !CLIENT_ID.test(b.id)) return undefined;
  if (b.kind === 'text' && typeof b.text === 'string') return { id: b.id, content: { kind: 'text', text: b.text.slice(0, 4000) } };
  if (b.kind === 'choice' && typeof b.choiceId === 'string' && b.choiceId.length <= 200) return { id: b.id, content: { kind: 'choice', choiceId: b.choiceId } };
  if (b.kind === 'start') {
    if (b.payload === undefined) return { id: b.id, content: { kind: 'start' } };
    if (typeof b.payload === 'string' && b.payload.length <= 64) return { id: b.id, content: { kind: 'start', payload: b.payload } };
  }
  return undefined;
}
