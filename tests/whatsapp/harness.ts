// WhatsApp tests drive a real whatsapp-web.js Client — built by panelbot's own factory, never
// initialize()d — by emitting the events WhatsApp Web would ('qr', 'authenticated', 'ready',
// 'message' with real Message structures, 'disconnected', …). Outbound, the recording port keeps
// what would have been sent instead of calling WhatsApp Web. Time passes only when told to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Attachment } from '../../src/core/conversation/messages';
import { readSettings } from '../../src/config/settings';
import { startWhatsApp, type RunningWhatsApp } from '../../src/bots/whatsapp';
import { createWhatsAppClient } from '../../src/bots/whatsapp/client';
import type { WaSent, WhatsAppEvents, WhatsAppPort } from '../../src/bots/whatsapp/port';
import type { PaceOptions } from '../../src/bots/whatsapp/pace';
import type { HealthOptions } from '../../src/bots/whatsapp/health';
import type { WaTiming } from '../../src/bots/whatsapp/timing';
import { testPanel, type TestPanel } from '../helpers/chat';

const require = createRequire(import.meta.url);
/** The structures the Client emits: messages, and (not exported by the index) calls and reactions. */
export const Message = require('whatsapp-web.js/src/structures/Message.js') as new (client: unknown, data: object) => object;
export const Call = require('whatsapp-web.js/src/structures/Call.js') as new (client: unknown, data: object) => object;
export const Reaction = require('whatsapp-web.js/src/structures/Reaction.js') as new (client: unknown, data: object) => object;

export const BOT = '32470000000@c.us';
type Client = ReturnType<typeof createWhatsAppClient>;

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Time that moves only when a test says so; sleeps and jitter are recorded. */
export class ManualTiming implements WaTiming {
  private t = 0;
  private sleepers: Array<{ at: number; resolve: () => void }> = [];
  readonly slept: number[] = [];
  /** The next values random() returns (then 0.5). */
  readonly randoms: number[] = [];

  now(): number {
    return this.t;
  }

  random(): number {
    return this.randoms.length > 0 ? this.randoms.shift()! : 0.5;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.slept.push(ms);
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      };
      const sleeper = {
        at: this.t + ms,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await flush();
  }

  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await this.settle();
      const next = this.nextAt();
      if (next === undefined || next > end) break;
      this.wakeAt(next);
    }
    this.t = end;
    await this.settle();
  }

  /** Lets time pass, timer by timer (never more than maxJumpMs at once), until done() holds. */
  async until(done: () => boolean, maxJumpMs = 30_000): Promise<void> {
    for (let i = 0; i < 10_000; i++) {
      await this.settle();
      if (done()) return;
      const next = this.nextAt();
      if (next === undefined) continue;
      if (next - this.t > maxJumpMs) throw new Error(`stuck: the next timer is ${next - this.t} ms away`);
      this.wakeAt(next);
    }
    throw new Error('never done');
  }

  async run<T>(promise: Promise<T>): Promise<T> {
    let done = false;
    void promise.then(
      () => (done = true),
      () => (done = true),
    );
    await this.until(() => done);
    return promise;
  }

  private nextAt(): number | undefined {
    return this.sleepers.length > 0 ? Math.min(...this.sleepers.map((s) => s.at)) : undefined;
  }

  private wakeAt(at: number): void {
    this.t = Math.max(this.t, at);
    const due = this.sleepers.filter((s) => s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.resolve();
  }
}

/** Events from the real Client; sends recorded; initialize()/destroy() only noted. */
export class RecordingPort implements WhatsAppPort {
  readonly sent: Array<{ chatId: string; text?: string; file?: string; at: number }> = [];
  readonly lifecycle: string[] = [];
  /** While true, sending throws like a closed WhatsApp Web page does. */
  broken = false;
  private n = 0;

  constructor(
    readonly client: Client,
    private readonly timing: ManualTiming,
  ) {}

  on<E extends keyof WhatsAppEvents>(event: E, handler: WhatsAppEvents[E]): void {
    this.client.on(event, handler as (...args: unknown[]) => void);
  }

  /** WhatsApp's clock, in seconds, for the messages sent (a real Message's timestamp). */
  clockSeconds = 1_790_000_000;

  async sendMessage(chatId: string, text: string): Promise<WaSent> {
    if (this.broken) throw new Error('Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.');
    this.sent.push({ chatId, text, at: this.timing.now() });
    return { id: `true_${chatId}_OUT${++this.n}`, timestamp: this.clockSeconds };
  }

  async sendDocument(chatId: string, file: Attachment): Promise<WaSent> {
    this.sent.push({ chatId, file: file.filename, at: this.timing.now() });
    return { id: `true_${chatId}_OUT${++this.n}`, timestamp: this.clockSeconds };
  }

  /** How many of the next initialize() calls fail (Chromium would not start). */
  initializeFails = 0;

  async initialize(): Promise<void> {
    this.lifecycle.push('initialize');
    if (this.initializeFails > 0) {
      this.initializeFails--;
      throw new Error('Failed to launch the browser process!');
    }
  }

  async destroy(): Promise<void> {
    this.lifecycle.push('destroy');
  }

  textsTo(chatId: string): string[] {
    return this.sent.filter((s) => s.chatId === chatId && s.text !== undefined).map((s) => s.text!);
  }
}

export interface WaPerson {
  chatId: string;
  /** Sends a text and returns what panelbot answered, parts separated by blank lines. */
  says(text: string): Promise<string>;
  /** Sends any message (raw WhatsApp Web data: type, body, directPath…) and returns the answer. */
  sends(data: Record<string, unknown>): Promise<string>;
}

export interface WaHarness {
  panel: TestPanel;
  client: Client;
  port: RecordingPort;
  timing: ManualTiming;
  wa: RunningWhatsApp;
  reported: string[];
  /** WhatsApp Web logged in and loaded. */
  connect(): Promise<void>;
  person(phone: string): WaPerson;
  /** Emits an event and lets everything it started finish. */
  emit(event: string, ...args: unknown[]): Promise<string[]>;
  close(): Promise<void>;
}

let counter = 0;

export function rawMessage(chatId: string, data: Record<string, unknown>): Record<string, unknown> {
  const id = `3EB0${(++counter).toString(16).toUpperCase().padStart(16, '0')}`;
  return { id: { fromMe: false, remote: chatId, id, _serialized: `false_${chatId}_${id}` }, from: chatId, to: BOT, t: 1_790_000_000 + counter, ack: 1, ...data };
}

export async function waHarness(
  options: { slack?: boolean; pace?: Partial<PaceOptions>; health?: Partial<HealthOptions>; panel?: TestPanel; /** The browser fails to start this many times first. */ initializeFails?: number } = {},
): Promise<WaHarness> {
  const panel = options.panel ?? testPanel();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-wa-'));
  const client = createWhatsAppClient({ chromiumPath: '/nonexistent/chromium', dataDir });
  const timing = new ManualTiming();
  const port = new RecordingPort(client, timing);
  port.initializeFails = options.initializeFails ?? 0;
  const reported: string[] = [];
  const env: Record<string, string> = { WHATSAPP_ENABLED: '1' };
  if (options.slack) Object.assign(env, { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' });
  const wa = await startWhatsApp(panel.app, readSettings(env), { err: (line) => reported.push(line) }, { port, timing, pace: options.pace ?? {}, health: options.health ?? {} });
  await timing.settle();

  const answer = async (chatId: string, before: number) => {
    await timing.run(wa.drain());
    return port.sent
      .slice(before)
      .filter((s) => s.chatId === chatId)
      .map((s) => s.text ?? `[file ${s.file}]`)
      .join('\n\n');
  };
  const h: WaHarness = {
    panel,
    client,
    port,
    timing,
    wa,
    reported,
    async connect() {
      client.emit('authenticated');
      client.emit('ready');
      await timing.settle();
    },
    person(phone) {
      const chatId = `${phone.replace(/\D/g, '')}@c.us`;
      const p: WaPerson = {
        chatId,
        async sends(data) {
          // People take a few seconds between messages (the flood limit counts per minute).
          panel.clock.advance(3000);
          const before = port.sent.length;
          client.emit('message', new Message(client, rawMessage(chatId, data)));
          return answer(chatId, before);
        },
        says: (text) => p.sends({ type: 'chat', body: text }),
      };
      return p;
    },
    async emit(event, ...args) {
      const before = port.sent.length;
      client.emit(event, ...args);
      await timing.run(wa.drain());
      return port.sent.slice(before).map((s) => s.text ?? '');
    },
    async close() {
      await wa.stop();
      panel.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
