// The process the crash test kills: it opens the store, puts back what a previous run left in
// flight, and dispatches the outbox to a fake platform over HTTP on 127.0.0.1 until nothing is due.
// Usage: node bin/run-ts.mjs tests/scheduling/crash-worker.ts DB_PATH PORT
import http from 'node:http';
import { createApp } from '../../src/app';
import { loadPanelConfig, EXAMPLE_CONFIG } from '../../src/config/panel';
import type { Outbound } from '../../src/core/conversation/messages';
import type { ChannelSender, DeliveryResult } from '../../src/core/outbox/ports';
import { Dispatcher } from '../../src/core/outbox/dispatcher';

// argv: node, run-ts.mjs, this file, then ours.
const [dbPath, port] = process.argv.slice(3) as [string, string];
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

class HttpPlatform implements ChannelSender {
  readonly channel = 'telegram' as const;
  isReady() {
    return true;
  }
  send(userId: string, message: Outbound): Promise<DeliveryResult> {
    return new Promise((resolve) => {
      const body = JSON.stringify({ userId, text: message.text });
      const req = http.request({ host: '127.0.0.1', port: Number(port), method: 'POST', path: '/send', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? { ok: true } : { ok: false, permanent: false, reason: `HTTP ${res.statusCode}` }));
      });
      req.on('error', (err) => resolve({ ok: false, permanent: false, retryAfterMs: 0, reason: err.message }));
      req.end(body);
    });
  }
}

const app = createApp({ dbPath, config: loadPanelConfig(EXAMPLE_CONFIG) });
const dispatcher = new Dispatcher({ services: app.services, senders: [new HttpPlatform()], batchSize: 100, backoffMs: () => 0 });
const recovered = dispatcher.recover();
process.stdout.write(`started recovered=${recovered}\n`);
for (;;) {
  const report = await dispatcher.tick();
  if (report.claimed === 0) break;
}
agent.destroy();
app.close();
process.stdout.write('done\n');
