// The web chat under a crowd: N sessions open /r/<code> at once and each types the full English
// registration, waiting for every answer before the next message (as a person does). The real
// HTTP server on loopback; the clients run in the same process, so their work counts against the
// figure (it is a floor). Rate limits are raised: they are per address and everyone here is 127.0.0.1.
import http from 'node:http';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { createApp } from '../../src/app';
import { ManualClock } from '../../src/core/panel/clock';
import { startWeb } from '../../src/bots/web/index';
import { readSettings } from '../../src/config/settings';
import { registrations } from '../../src/db/schema/index';
import { ENGLISH_ANSWERS } from '../../tests/helpers/register';
import { percentile } from '../citizens';
import { BENCH_START, inviteCodes } from '../population';
import { timed } from './timing';

const UNLIMITED = { max: 1e9, windowMs: 60_000 };

/** As the page does: a connection lost before the answer is tried again (a POST with the same id). */
async function retrying<T>(call: () => Promise<T>, retries: { count: number }): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= 5 || !['ECONNRESET', 'EPIPE', 'ECONNREFUSED'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
      retries.count++;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

function request(agent: http.Agent, port: number, method: string, url: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function run(spec: { dir: string; sessions: number; warmup: number }) {
  const clock = new ManualClock(BENCH_START);
  const app = createApp({ dbPath: path.join(spec.dir, 'web.db'), clock });
  const codes = inviteCodes(app.db, spec.sessions + spec.warmup, 'en');
  const settings = readSettings({ PANELBOT_WEB_SECRET: 'bench-secret-bench-secret-bench-secret-00' });
  const web = await startWeb(app, settings, { err: () => {} }, {
    host: '127.0.0.1',
    port: 0,
    limits: { perIp: UNLIMITED, postsPerIp: UNLIMITED, postsPerSession: UNLIMITED, sessionsPerIp: UNLIMITED, streamsPerIp: 1e9, streamsTotal: 1e9 },
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 });
  const latencies: number[] = [];
  const retries = { count: 0 };
  const send = (method: string, url: string, headers: Record<string, string>, body?: string) => retrying(() => request(agent, web.port, method, url, headers, body), retries);
  let seq = 0;

  async function citizen(code: string, measure: boolean): Promise<void> {
    const opened = await send('GET', `/r/${code}`, {});
    const cookie = String(opened.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const page = await send('GET', '/chat', { cookie });
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(page.text)![1]!;
    const headers = { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf, origin: `http://127.0.0.1:${web.port}` };
    // The letter's code came with the link: the typed answers skip it.
    const answers = ENGLISH_ANSWERS(code).filter((a) => a !== code);
    const messages: object[] = [{ kind: 'start', payload: code }, ...answers.map((text) => ({ kind: 'text', text }))];
    for (const message of messages) {
      const t0 = performance.now();
      const res = await send('POST', '/api/message', headers, JSON.stringify({ id: `bench-${++seq}-${code}`, ...message }));
      if (res.status !== 200) throw new Error(`web answered ${res.status}`);
      if (measure) latencies.push(performance.now() - t0);
    }
  }

  const registered = () => app.db.select({ n: count() }).from(registrations).where(eq(registrations.status, 'registered')).get()!.n;
  await Promise.all(codes.slice(0, spec.warmup).map((code) => citizen(code, false)));
  const before = registered();
  const crowd = codes.slice(spec.warmup);
  const messagesPerCitizen = ENGLISH_ANSWERS('x').length; // start + every answer but the code
  const result = await timed(crowd.length * messagesPerCitizen, () => Promise.all(crowd.map((code) => citizen(code, true))).then(() => undefined));
  const done = registered() - before;
  const sorted = Float64Array.from(latencies).sort();
  agent.destroy();
  await web.stop();
  app.close();
  return { ...result, sessions: crowd.length, registered: done, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), retries: retries.count };
}
