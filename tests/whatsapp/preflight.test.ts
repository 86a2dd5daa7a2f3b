// WhatsApp's configuration errors stop start-up with one line saying what to do, instead of being
// retried forever: a folder or another program as CHROMIUM_PATH, a session folder that cannot be
// written. An empty CHROMIUM_PATH means unset. With Debian's Chromium installed, it passes the check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChromium, checkWritable, PreflightError } from '../../src/bots/whatsapp/preflight';
import { readSettings, SettingsError } from '../../src/config/settings';
import { startWhatsApp } from '../../src/bots/whatsapp';
import { testPanel } from '../helpers/chat';

const CHROMIUM = '/usr/bin/chromium';

describe('WhatsApp start-up checks', () => {
  it('refuses a folder, a file that cannot run, and a program that is not a browser', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-chromium-'));
    expect(() => checkChromium(dir)).toThrow(new PreflightError(`CHROMIUM_PATH: ${dir} is a folder; give the browser program itself, e.g. /usr/bin/chromium`));
    const plain = path.join(dir, 'chromium');
    fs.writeFileSync(plain, 'not a program', { mode: 0o644 });
    expect(() => checkChromium(plain)).toThrow(/is not a program that can be run/);
    expect(() => checkChromium('/bin/true')).toThrow(/does not answer like Chromium to --version/);
    expect(() => checkChromium(path.join(dir, 'missing'))).toThrow(/no Chromium at/);
  });

  it('refuses a session folder that cannot be written', () => {
    expect(() => checkWritable('/etc/passwd/whatsapp/session')).toThrow(/WhatsApp cannot write its session folder \/etc\/passwd\/whatsapp\/session \(ENOTDIR\)/);
    const ok = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-session-'));
    expect(() => checkWritable(path.join(ok, 'whatsapp', 'session'))).not.toThrow();
  });

  it('takes an empty CHROMIUM_PATH as unset', () => {
    expect(readSettings({ CHROMIUM_PATH: '' }).CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect(readSettings({ CHROMIUM_PATH: '  ' }).CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });

  it('stops start-up with one line (a settings error), before any browser starts', async () => {
    const panel = testPanel();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-chromium-'));
    const settings = readSettings({ WHATSAPP_ENABLED: '1', CHROMIUM_PATH: dir });
    const reporter = { out: () => {}, err: () => {} };
    await expect(startWhatsApp(panel.app, settings, reporter)).rejects.toThrow(SettingsError);
    await expect(startWhatsApp(panel.app, settings, reporter)).rejects.toThrow(/is a folder/);
    panel.close();
  });

  it('leaves the signals to panelbot: puppeteer installs no SIGINT, SIGTERM or SIGHUP handler of its own', async () => {
    const { createWhatsAppClient } = await import('../../src/bots/whatsapp/client');
    const client = createWhatsAppClient({ chromiumPath: CHROMIUM, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-wa-')) });
    expect((client as unknown as { options: { puppeteer: Record<string, unknown> } }).options.puppeteer).toMatchObject({ handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  }, 30_000);

  it.skipIf(!fs.existsSync(CHROMIUM))('accepts Debian\'s Chromium', () => {
    expect(checkChromium(CHROMIUM)).toMatch(/Chromium \d+/);
  }, 30_000);
  if (!fs.existsSync(CHROMIUM)) console.log(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
});
