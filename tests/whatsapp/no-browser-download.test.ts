// `npm ci` must never download a browser: puppeteer's install step (run for whatsapp-web.js) reads
// .puppeteerrc.cjs and skips. Checked by running puppeteer's real install script against a local
// download server that records requests; and the Client panelbot builds uses the system Chromium.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, createWhatsAppClient } from '../../src/bots/whatsapp/client';
import { whatsappDataDir } from '../../src/bots/whatsapp/paths';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const INSTALL = path.join(ROOT, 'node_modules/puppeteer/install.mjs');

let server: http.Server | undefined;
const tmp: string[] = [];
afterEach(() => {
  server?.close();
  server = undefined;
  for (const dir of tmp.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs puppeteer's postinstall in `cwd`, with downloads pointed at a local server; returns what it asked for. */
async function puppeteerInstall(cwd: string): Promise<{ stdout: string; requests: string[] }> {
  const requests: string[] = [];
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-pptr-'));
  tmp.push(cache);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PUPPETEER_') && !k.startsWith('npm_config_')) env[k] = v;
  Object.assign(env, {
    HOME: cache,
    PUPPETEER_CACHE_DIR: cache,
    PUPPETEER_CHROME_DOWNLOAD_BASE_URL: base,
    PUPPETEER_CHROME_HEADLESS_SHELL_DOWNLOAD_BASE_URL: base,
    HTTP_PROXY: '',
    HTTPS_PROXY: '',
  });
  const result = await run(process.execPath, [INSTALL], { cwd, env }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  return { stdout: result.stdout, requests };
}

describe('no browser download', () => {
  it('has puppeteer skip the download in this project', async () => {
    const { stdout, requests } = await puppeteerInstall(ROOT);
    expect(stdout).toContain('Skipping downloading browsers as instructed');
    expect(requests).toEqual([]);
  });

  it('would download without .puppeteerrc.cjs (so the check above means something)', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-nocfg-'));
    tmp.push(elsewhere);
    const { requests } = await puppeteerInstall(elsewhere);
    expect(requests.length).toBeGreaterThan(0);
  });

  it('keeps the install scripts of puppeteer off in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    expect(pkg.allowScripts?.puppeteer).toBe(false);
  });

  it('builds a Client on the system Chromium, with the login under the data folder', () => {
    const dataDir = whatsappDataDir(undefined, '/srv/panel/data/panelbot.db');
    expect(dataDir).toBe('/srv/panel/data');
    expect(whatsappDataDir('/var/lib/panelbot', '/srv/panel/data/panelbot.db')).toBe('/var/lib/panelbot');
    const client = createWhatsAppClient({ chromiumPath: '/usr/bin/chromium', dataDir });
    const options = (client as unknown as { options: { puppeteer: { executablePath: string; args: string[] }; webVersionCache: { path: string } } }).options;
    expect(options.puppeteer.executablePath).toBe('/usr/bin/chromium');
    expect(options.puppeteer.args).toEqual(CHROMIUM_ARGS);
    expect(options.puppeteer.args).toContain('--no-sandbox');
    expect(options.webVersionCache.path).toBe('/srv/panel/data/whatsapp/web-cache');
    expect((client as unknown as { authStrategy: { dataPath: string } }).authStrategy.dataPath).toBe('/srv/panel/data/whatsapp');
  });
});
