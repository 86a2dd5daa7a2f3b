// Web chat tests: a panel on a temp DB, the real web server on loopback, and Debian's Chromium
// driven by playwright-core (never a downloaded browser). A person types or taps in the real page;
// each call waits until panelbot's answer is shown and returns the new messages' text.
// Functions passed to page.waitForFunction run in the browser, where this exists.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWeb, type RunningWeb } from '../../src/bots/web/index';
import type { WebLimits } from '../../src/bots/web/rate-limit';
import { readSettings } from '../../src/config/settings';
import { testPanel, type TestPanel } from './chat';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);
if (!HAS_CHROMIUM) console.warn(`web browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

export interface WebHarness {
  panel: TestPanel;
  web: RunningWeb;
  base: string;
  close(): Promise<void>;
}

export async function webHarness(options: { env?: Record<string, string>; limits?: Partial<WebLimits>; panel?: TestPanel } = {}): Promise<WebHarness> {
  const panel = options.panel ?? testPanel();
  const settings = readSettings({ PANELBOT_WEB_SECRET: 'test-secret-test-secret-test-secret-0123', ...options.env });
  const web = await startWeb(panel.app, settings, { err: () => {} }, { host: '127.0.0.1', port: 0, ...(options.limits ? { limits: options.limits } : {}) });
  return {
    panel,
    web,
    base: `http://127.0.0.1:${web.port}`,
    async close() {
      await web.stop();
      panel.close();
    },
  };
}

/** One person in a browser tab. */
export class WebPerson {
  constructor(
    readonly page: Page,
    private readonly panel: TestPanel,
  ) {}

  static async open(context: BrowserContext, panel: TestPanel, url: string): Promise<WebPerson> {
    const page = await context.newPage();
    const person = new WebPerson(page, panel);
    await person.waitFor(() => page.goto(url));
    return person;
  }

  botMessages(): Promise<string[]> {
    return this.page.locator('.msg-bot .text').allTextContents();
  }

  /** Runs an action and returns the text of the messages panelbot shows after it. */
  async waitFor(action: () => Promise<unknown>): Promise<string> {
    const before = await this.page.locator('.msg-bot').count().catch(() => 0);
    // People take a few seconds between messages (the flood limit counts per minute).
    this.panel.clock.advance(3000);
    await action();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('.msg-bot').length > n && !document.getElementById('status')?.textContent,
      before,
    );
    const texts = await this.botMessages();
    return texts.slice(before).join('\n\n');
  }

  /** Types with the keyboard into the focused message box and presses Enter. */
  async types(text: string): Promise<string> {
    return this.waitFor(async () => {
      await this.page.keyboard.type(text);
      await this.page.keyboard.press('Enter');
    });
  }

  /** Taps the choice button whose label is given (as on a phone). */
  async taps(label: string): Promise<string> {
    const button = this.page.locator('ol.choices:not(.retired) button', { hasText: label }).first();
    return this.waitFor(() => button.tap());
  }

  /** Clicks the choice button whose label is given (a mouse, or Enter on a focused button). */
  async presses(label: string): Promise<string> {
    const button = this.page.locator('ol.choices:not(.retired) button', { hasText: label }).first();
    return this.waitFor(() => button.click());
  }

  async status(): Promise<string> {
    return (await this.page.locator('#status').textContent()) ?? '';
  }
}
