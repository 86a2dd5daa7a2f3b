// A fake Slack Web API on 127.0.0.1: it answers the methods panelbot calls and records each call,
// so that tests can read what the organisers would see in Slack.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, any>;
}

export interface FakeSlack {
  /** Base URL for clientOptions.slackApiUrl (ends with a slash). */
  url: string;
  calls: SlackCall[];
  /** User group id -> its members, for usergroups.users.list. */
  groups: Record<string, string[]>;
  /** The websocket URL apps.connections.open gives (Socket Mode). */
  socketUrl?: string;
  called(method: string): SlackCall[];
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends nested arguments (blocks, view) as JSON strings.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const groups: Record<string, string[]> = {};
  let socketUrl: string | undefined;
  let seq = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      // A file upload (files.uploadV2 posts the bytes to the URL it was given): keep the bytes.
      if (req.url?.startsWith('/upload/')) {
        calls.push({ method: 'upload', args: { id: req.url.slice('/upload/'.length), bytes: Buffer.concat(chunks) } });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('OK');
        return;
      }
      const method = (req.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
      const args = parseBody(raw, req.headers['content-type']);
      calls.push({ method, args });
      const ts = () => `1700000000.${String(++seq).padStart(6, '0')}`;
      const answers: Record<string, () => object> = {
        'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'panelbot', team: 'Panel' }),
        'chat.postMessage': () => ({ ok: true, channel: args.channel, ts: ts(), message: { text: args.text } }),
        'chat.update': () => ({ ok: true, channel: args.channel, ts: args.ts }),
        'chat.postEphemeral': () => ({ ok: true, message_ts: ts() }),
        'views.open': () => ({ ok: true, view: { id: 'V1' } }),
        'usergroups.users.list': () => (groups[args.usergroup] ? { ok: true, users: groups[args.usergroup] } : { ok: false, error: 'no_such_subteam' }),
        'reactions.add': () => ({ ok: true }),
        'apps.connections.open': () => (socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'not_allowed_token_type' }),
        'files.getUploadURLExternal': () => ({ ok: true, upload_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload/F${++seq}`, file_id: `F${seq}` }),
        'files.completeUploadExternal': () => ({ ok: true, files: (typeof args.files === 'string' ? JSON.parse(args.files) : args.files ?? []).map((f: { id: string }) => ({ id: f.id })) }),
      };
      const body = answers[method]?.() ?? { ok: false, error: 'unknown_method' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    groups,
    get socketUrl() {
      return socketUrl;
    },
    set socketUrl(url) {
      socketUrl = url;
    },
    called: (method) => calls.filter((c) => c.method === method),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
