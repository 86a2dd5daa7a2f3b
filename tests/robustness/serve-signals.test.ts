// The real `panelbot serve` stops cleanly on SIGINT (Ctrl+C), SIGTERM and SIGHUP (a closed
// terminal): exit code 0, a line saying it stopped, the outbox lease released (the next start does
// not wait or take it over). With WhatsApp on and Debian's Chromium, panelbot handles the signal,
// not puppeteer (which would exit with 130 first), and Chromium is gone afterwards. No internet is
// needed: WhatsApp Web never loads here, the browser only has to run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db/client';
import { BIN, ROOT } from '../helpers/run-cli';

const CHROMIUM = '/usr/bin/chromium';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-signals-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await sleep(100);
  }
}

function outboxLease(dbPath: string): string | undefined {
  const db = openDb(dbPath);
  try {
    return (db.$client.prepare("SELECT holder FROM leases WHERE name = 'outbox'").get() as { holder: string } | undefined)?.holder;
  } finally {
    closeDb(db);
  }
}

/** Processes whose command line names this folder (Chromium's --user-data-dir is under it). */
function processesUsing(folder: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function serve(dbPath: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, '--db', dbPath, '--config', path.join(ROOT, 'panel.example.yaml'), 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    // Standard input stays open: the terminal chat waits for lines, as with a person at the keyboard.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, out: () => out, err: () => err };
}

describe('serve and the signals', () => {
  it('stops on SIGINT, SIGTERM and SIGHUP with exit code 0, says so, and releases the outbox lease (terminal chat)', async () => {
    const dbPath = path.join(tmp, 'terminal.db');
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const run = serve(dbPath, {});
      await until('the terminal chat', () => run.out().includes('Welcome') || run.out().includes('Bienvenue'), 120_000);
      // The scheduler has the outbox lease once it ticked.
      await until('the outbox lease', () => outboxLease(dbPath)?.split(':')[1] === String(run.child.pid), 60_000);
      run.child.kill(signal);
      const exit = await run.exited;
      expect({ sent: signal, code: exit.code, killedBy: exit.signal }).toEqual({ sent: signal, code: 0, killedBy: null });
      expect(run.err()).toContain(`panelbot: stopped (${signal}): every channel closed, the outbox lease released.`);
      expect(outboxLease(dbPath)).toBeUndefined();
      // The start before this one left nothing to wait for or take over.
      expect(run.err()).not.toMatch(/outbox lease was held|this one waits/);
    }
  }, 600_000);

  it.skipIf(!fs.existsSync(CHROMIUM))('with WhatsApp and a real Chromium: panelbot handles SIGINT and SIGHUP, not puppeteer, and Chromium is gone after', async () => {
    for (const signal of ['SIGINT', 'SIGHUP'] as const) {
      const dataDir = fs.mkdtempSync(path.join(tmp, `wa-${signal}-`));
      const dbPath = path.join(dataDir, 'panel.db');
      const run = serve(dbPath, { WHATSAPP_ENABLED: '1', CHROMIUM_PATH: CHROMIUM, PANELBOT_DATA_DIR: dataDir });
      await until('serve running', () => run.err().includes('panelbot: running whatsapp'), 180_000);
      await until('Chromium started by puppeteer', () => processesUsing(path.join(dataDir, 'whatsapp', 'session')).length > 0, 180_000);
      await until('the outbox lease', () => outboxLease(dbPath) !== undefined, 60_000);
      run.child.kill(signal);
      const exit = await run.exited;
      // puppeteer's own handler would have exited with 130 (SIGINT) or left node running (SIGHUP).
      expect({ sent: signal, code: exit.code, killedBy: exit.signal }).toEqual({ sent: signal, code: 0, killedBy: null });
      expect(run.err()).toContain(`panelbot: stopped (${signal}): every channel closed, the outbox lease released.`);
      expect(outboxLease(dbPath)).toBeUndefined();
      await until('Chromium gone', () => processesUsing(path.join(dataDir, 'whatsapp', 'session')).length === 0, 30_000);
    }
  }, 900_000);
  if (!fs.existsSync(CHROMIUM)) console.log(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium): the WhatsApp signal test needs a real browser`);
});
