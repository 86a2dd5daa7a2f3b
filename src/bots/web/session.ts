// Web sessions: a random id in a signed, httpOnly, SameSite=Lax cookie (Secure behind HTTPS). The
// store never sees the id itself: the channel's user id is a hash of it, so the database holds no
// key that opens someone's chat. The CSRF token is derived from the session, so it needs no storage.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionKeys {
  secret: Buffer;
  /** Secure cookies (and the __Host- prefix) when the public address is https. */
  secure: boolean;
}

export interface Session {
  id: string;
  /** The 'web' channel's user id of this session (a hash of its id). */
  userId: string;
  /** True when the cookie was just issued (the response must set it). */
  fresh: boolean;
}

const ID = /^[A-Za-z0-9_-]{32}$/;

export function cookieName(keys: SessionKeys): string {
  return keys.secure ? '__Host-panelbot' : 'panelbot';
}

function sign(keys: SessionKeys, what: string): string {
  return createHmac('sha256', keys.secret).update(what).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function userIdOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url').slice(0, 24);
}

/** The session of a request's cookie header, if its signature holds. */
export function readSession(keys: SessionKeys, cookieHeader: string | undefined): Session | undefined {
  const name = cookieName(keys);
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const [id, mac] = part.slice(eq + 1).trim().split('.');
    if (id && mac && ID.test(id) && sameText(mac, sign(keys, `session|${id}`))) return { id, userId: userIdOf(id), fresh: false };
  }
  return undefined;
}

export function newSession(): Session {
  const id = randomBytes(24).toString('base64url');
  return { id, userId: userIdOf(id), fresh: true };
}

/** The Set-Cookie header of a session: a year, so a person finds their conversation again. */
export function sessionCookie(keys: SessionKeys, session: Session): string {
  const attrs = [`${cookieName(keys)}=${session.id}.${sign(keys, `session|${session.id}`)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${365 * 24 * 3600}`];
  if (keys.secure) attrs.push('Secure');
  return attrs.join('; ');
}

export function csrfToken(keys: SessionKeys, session: Session): string {
  return sign(keys, `csrf|${session.id}`);
}

export function validCsrf(keys: SessionKeys, session: Session, token: string | undefined): boolean {
  return typeof token === 'string' && sameText(token, csrfToken(keys, session));
}

export function keysFrom(secret: string | undefined, publicUrl: string | undefined): SessionKeys {
  return {
    secret: secret ? Buffer.from(secret, 'utf8') : randomBytes(32),
    secure: Boolean(publicUrl?.startsWith('https:')),
  };
}
