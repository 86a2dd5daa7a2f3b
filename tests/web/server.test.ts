// The web chat's HTTP guarantees, without a browser: headers, cookies, CSRF, limits.
import { afterEach, describe, expect, it } from 'vitest';
import { webHarness, type WebHarness } from '../helpers/web';
import { CONTENT_SECURITY_POLICY } from '../../src/bots/web/http';
import type { Logger } from '../../src/core/conversation/logger';
import { testPanel } from '../helpers/chat';

/** A visit: the page's cookie and CSRF token, as the browser would hold them. */
async function visit(base: string, path = '/chat'): Promise<{ cookie: string; csrf: string; res: Response }> {
  const res = await fetch(base + path);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const html = await res.text();
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie, csrf, res };
}

function say(h: WebHarness, v: { cookie: string; csrf: string }, text: string, id = `m${Math.random().toString(36).slice(2, 12)}`) {
  return fetch(`${h.base}/api/message`, {
    method: 'POST',
    headers: { cookie: v.cookie, 'content-type': 'application/json', 'x-csrf-token': v.csrf, origin: h.base },
    body: JSON.stringify({ id, kind: 'text', text }),
  });
}

describe('the web chat over HTTP', () => {
  let h: WebHarness;
  afterEach(async () => h?.close());

  it('serves pages with a strict policy, its own assets and a signed httpOnly SameSite cookie', async () => {
    h = await webHarness();
    const { res, cookie } = await visit(h.base, '/');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    // A forged signature is no session: a new one is issued.
    const forged = cookie.replace(/\.[^.]+$/, '.AAAA');
    const again = await fetch(`${h.base}/`, { headers: { cookie: forged } });
    expect(again.headers.get('set-cookie')).toBeTruthy();
    const same = await fetch(`${h.base}/`, { headers: { cookie } });
    expect(same.headers.get('set-cookie')).toBeNull();
    const page = await (await fetch(`${h.base}/chat`, { headers: { cookie } })).text();
    expect(page).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\son\w+=|https?:\/\/(?!127)/);
    for (const src of page.match(/\/assets\/[^"]+/g)!) expect((await fetch(h.base + src)).status).toBe(200);
    expect(Buffer.byteLength(page) + (await (await fetch(`${h.base}/assets/chat.js`)).arrayBuffer()).byteLength).toBeLessThan(20_000);
  });

  it('sets a Secure __Host- cookie behind HTTPS', async () => {
    h = await webHarness({ env: { PANELBOT_PUBLIC_URL: 'https://panel.example.be/' } });
    const { res } = await visit(h.base, '/');
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-panelbot=.*; Secure$/);
  });

  it('answers a message, and the same message id twice only once', async () => {
    h = await webHarness();
    const v = await visit(h.base);
    const first = await say(h, v, 'English', 'same-id-0001');
    expect(first.status).toBe(200);
    const body = (await first.json()) as { replies: Array<{ text: string }>; lang: string };
    expect(body.lang).toBe('en');
    expect(body.replies.map((r) => r.text).join()).toMatch(/English/);
    await new Promise((r) => setTimeout(r, 50));
    h.panel.app.engine.flushDeliveries();
    const again = (await (await say(h, v, 'English', 'same-id-0001')).json()) as { replies: unknown[] };
    expect(again.replies).toEqual([]);
  });

  it('refuses bodies over the limit and malformed messages', async () => {
    h = await webHarness();
    const v = await visit(h.base);
    expect((await say(h, v, 'x'.repeat(20_000))).status).toBe(413);
    const bad = await fetch(`${h.base}/api/message`, { method: 'POST', headers: { cookie: v.cookie, 'content-type': 'application/json', 'x-csrf-token': v.csrf }, body: '{"id":"short","kind":"text","text":"hi"}' });
    expect(bad.status).toBe(400);
    const noCookie = await fetch(`${h.base}/api/message`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': v.csrf }, body: '{}' });
    expect(noCookie.status).toBe(403);
  });

  it('limits messages per session and requests per address', async () => {
    h = await webHarness({ limits: { postsPerSession: { max: 3, windowMs: 60_000 }, perIp: { max: 12, windowMs: 60_000 } } });
    const v = await visit(h.base);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await say(h, v, 'hello')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const other = await visit(h.base);
    expect((await say(h, other, 'hello')).status).toBe(200);
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await fetch(`${h.base}/healthz`)).status;
    expect(last).toBe(429);
  });

  it('limits the new sessions one address makes', async () => {
    h = await webHarness({ limits: { sessionsPerIp: { max: 2, windowMs: 600_000 } } });
    expect((await fetch(`${h.base}/`)).status).toBe(200);
    expect((await fetch(`${h.base}/`)).status).toBe(200);
    expect((await fetch(`${h.base}/`)).status).toBe(429);
  });

  it('keeps codes, texts and addresses out of the logs', async () => {
    const lines: string[] = [];
    const log: Logger = {
      trace: () => {},
      debug: (o: object, m?: string) => void lines.push(JSON.stringify(o) + m),
      info: (o: object, m?: string) => void lines.push(JSON.stringify(o) + m),
      warn: (o: object, m?: string) => void lines.push(JSON.stringify(o) + m),
      error: (o: object, m?: string) => void lines.push(JSON.stringify(o) + m),
      child: () => log,
    } as unknown as Logger;
    h = await webHarness({ panel: testPanel({ log }) });
    const [code] = h.panel.invite(1, 'en');
    const res = await fetch(`${h.base}/r/${code}`, { redirect: 'manual' });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await (await fetch(`${h.base}/chat`, { headers: { cookie } })).text();
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(page)![1]!;
    await say(h, { cookie, csrf }, 'English');
    await say(h, { cookie, csrf }, 'Marguerite Vandenbroucke');
    await fetch(`${h.base}/api/message`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    const all = lines.join('\n');
    expect(all).toContain('CSRF'); // the refusal is logged, without what it carried
    expect(all).not.toContain(code!);
    expect(all).not.toContain('Marguerite');
    expect(all).not.toContain('127.0.0.1');
    expect(all).not.toContain(cookie.split('=')[1]!.split('.')[0]!);
  });
});
