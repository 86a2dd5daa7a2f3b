// The WhatsApp session's health: a login is needed (QR code), it is up (ready), or it is in trouble
// ('disconnected', 'auth_failure', or 'authenticated' with no 'ready' after it — a known failure
// after WhatsApp Web updates). In trouble, sending stops (the outbox keeps the messages), the
// organisers are told (alerts), and the session is closed and started again with growing waits.
import type { Clock } from '../../core/panel/clock';
import type { Logger } from '../../core/conversation/logger';
import type { Db } from '../../db/client';
import { raiseAlert } from '../../db/repos/alerts';
import type { WhatsAppPort } from './port';
import { safeReason } from './pace';
import { forgetQr, qrFiles, qrInstructions, saveQr } from './qr';
import type { WaTiming } from './timing';

export interface HealthOptions {
  /** 'authenticated' with no 'ready' for this long is a stuck session. */
  readyTimeoutMs: number;
  /** initialize() taking longer than this is a failed start. */
  initTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Still down after this many tries: the organisers are told again. */
  alertAgainAfter: number;
}

export const DEFAULT_HEALTH: HealthOptions = {
  readyTimeoutMs: 3 * 60_000,
  initTimeoutMs: 5 * 60_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 5 * 60_000,
  alertAgainAfter: 6,
};

export type SessionState = 'starting' | 'login_needed' | 'authenticated' | 'ready' | 'down' | 'stopped';

export interface HealthDeps {
  port: WhatsAppPort;
  timing: WaTiming;
  options: HealthOptions;
  db: Db;
  clock: Clock;
  log: Logger;
  reporter: { err(line: string): void };
  /** Whether organisers get an alert when a login is needed (Slack is configured). */
  alertLogin: boolean;
  /** Where the login QR code is kept as a picture and for `whatsapp qr` (none: only drawn). */
  dataDir?: string;
  /** Told when sending may start or must stop. */
  setReady(ready: boolean): void;
}

/** The first line, short: puppeteer's launch errors carry the browser's whole output after it. */
function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 120);
}

export function backoffMs(attempt: number, options: HealthOptions): number {
  return Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
}

export class SessionHealth {
  state: SessionState = 'starting';
  /** Restarts since the session was last ready. */
  attempts = 0;
  private connecting = false;
  private failedWhileConnecting = false;
  private loginAlerted = false;
  private qrShown = false;
  private troubleAlerted = false;
  /** Why the session last failed, for the retry line and the alerts (no phone numbers). */
  private lastReason: string | undefined;
  private readyTimer: AbortController | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: HealthDeps) {}

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  start(): void {
    const { port } = this.deps;
    port.on('qr', (qr) => this.onQr(qr));
    port.on('authenticated', () => this.onAuthenticated());
    port.on('ready', () => this.onReady());
    port.on('auth_failure', (message) => this.fail('auth_failure', typeof message === 'string' ? message : undefined));
    port.on('disconnected', (reason) => this.fail('disconnected', typeof reason === 'string' ? reason : undefined));
    void this.connect(false);
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    this.stopping.abort();
    this.readyTimer?.abort();
    this.deps.setReady(false);
    await this.quietly(() => this.deps.port.destroy());
  }

  private onQr(qr: string): void {
    if (this.state === 'stopped') return;
    this.state = 'login_needed';
    this.deps.setReady(false);
    const { dataDir } = this.deps;
    for (const line of qrInstructions(qr, !this.qrShown, dataDir ? qrFiles(dataDir).png : undefined)) this.deps.reporter.err(line);
    if (dataDir) void saveQr(qr, dataDir).catch((err: Error) => this.deps.log.warn({ err: err.message }, 'whatsapp: could not save the login QR code'));
    this.qrShown = true;
    if (this.deps.alertLogin && !this.loginAlerted) {
      // The picture's path (no personal data): Slack posts the picture itself, the terminal says where it is.
      raiseAlert(this.deps.db, 'whatsapp_login_needed', dataDir ? { picture: qrFiles(dataDir).png } : {}, this.deps.clock.now());
      this.loginAlerted = true;
    }
  }

  private onAuthenticated(): void {
    if (this.state === 'stopped') return;
    this.state = 'authenticated';
    this.readyTimer?.abort();
    const timer = new AbortController();
    this.readyTimer = timer;
    const signal = AbortSignal.any([timer.signal, this.stopping.signal]);
    void this.deps.timing.sleep(this.deps.options.readyTimeoutMs, signal).then(() => {
      if (!signal.aborted && this.state === 'authenticated') this.fail('not_ready', 'authenticated but never ready');
    });
  }

  private onReady(): void {
    if (this.state === 'stopped') return;
    this.readyTimer?.abort();
    const wasInTrouble = this.troubleAlerted;
    this.state = 'ready';
    this.attempts = 0;
    this.qrShown = false;
    this.loginAlerted = false;
    this.troubleAlerted = false;
    this.deps.setReady(true);
    this.deps.log.info({}, 'whatsapp session ready');
    this.deps.reporter.err('panelbot: WhatsApp is connected.');
    if (this.deps.dataDir) forgetQr(this.deps.dataDir);
    if (wasInTrouble) raiseAlert(this.deps.db, 'whatsapp_trouble', { state: 'recovered' }, this.deps.clock.now());
  }

  /** Something broke: stop sending, tell the organisers once, and start the session again. */
  private fail(state: 'auth_failure' | 'disconnected' | 'not_ready' | 'start_failed', reason?: string): void {
    if (this.state === 'stopped') return;
    this.readyTimer?.abort();
    this.state = 'down';
    this.deps.setReady(false);
    const safe = reason?.replace(/\d{5,}/g, '…').slice(0, 120);
    this.lastReason = safe ? `${state}: ${safe}` : state;
    this.deps.log.warn({ state, reason: safe }, 'whatsapp session in trouble');
    if (!this.troubleAlerted) {
      raiseAlert(this.deps.db, 'whatsapp_trouble', { state, ...(safe ? { reason: safe } : {}) }, this.deps.clock.now());
      this.troubleAlerted = true;
    }
    if (this.connecting) this.failedWhileConnecting = true;
    else void this.connect(true);
  }

  private async connect(again: boolean): Promise<void> {
    const { port, timing, options, reporter, log } = this.deps;
    this.connecting = true;
    try {
      for (let retry = again; !this.stopped; retry = true) {
        if (retry) {
          this.attempts++;
          const wait = backoffMs(this.attempts, options);
          // The failed browser is closed before the wait: it would hold its memory for the whole back-off.
          await this.quietly(() => port.destroy());
          if (this.stopped) return;
          const why = this.lastReason ? ` (${this.lastReason})` : '';
          reporter.err(`panelbot: WhatsApp is not connected${why}; starting it again in ${Math.round(wait / 1000)} s (try ${this.attempts}).`);
          if (this.attempts === options.alertAgainAfter) {
            raiseAlert(this.deps.db, 'whatsapp_trouble', { state: 'still_down', attempts: this.attempts, ...(this.lastReason ? { reason: this.lastReason } : {}) }, this.deps.clock.now());
          }
          await timing.sleep(wait, this.stopping.signal);
          if (this.stopped) return;
        }
        this.failedWhileConnecting = false;
        if (this.state !== 'ready') this.state = 'starting';
        const outcome = await this.initialize();
        if (this.stopped) return;
        if (outcome === 'ok' && !this.failedWhileConnecting) return;
        if (outcome !== 'ok') {
          // Why it did not start (puppeteer's first line: "Failed to launch the browser process!…"),
          // on the retry line and in the alert, not only in the JSON logs.
          this.lastReason = `start_failed: ${outcome.reason}`;
          log.warn({ reason: outcome.reason }, 'whatsapp session did not start');
          this.state = 'down';
          this.deps.setReady(false);
          if (!this.troubleAlerted) {
            raiseAlert(this.deps.db, 'whatsapp_trouble', { state: 'start_failed', reason: outcome.reason }, this.deps.clock.now());
            this.troubleAlerted = true;
          }
        }
      }
    } finally {
      this.connecting = false;
    }
  }

  /** initialize(), bounded in time: a browser that never answers is a failed start, with its reason. */
  private async initialize(): Promise<'ok' | { reason: string }> {
    const timer = new AbortController();
    const signal = AbortSignal.any([timer.signal, this.stopping.signal]);
    try {
      return await Promise.race([
        this.deps.port.initialize().then(
          () => 'ok' as const,
          (err: unknown) => ({ reason: firstLine(safeReason(err)) }),
        ),
        this.deps.timing.sleep(this.deps.options.initTimeoutMs, signal).then(() => ({ reason: `no answer from the browser in ${Math.round(this.deps.options.initTimeoutMs / 1000)} s` })),
      ]);
    } finally {
      timer.abort();
    }
  }

  private async quietly(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (err) {
      this.deps.log.debug({ reason: safeReason(err) }, 'whatsapp destroy failed');
    }
  }
}
