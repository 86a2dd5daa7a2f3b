// WhatsApp's configuration errors stop start-up with one line saying what to do, instead of being
// retried forever: a folder or another program as CHROMIUM_PATH, a session folder that cannot be
// written, a Chromium version known not to work. An empty CHROMIUM_PATH means unset. With Debian's Chromium installed, it passes the check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChromium, checkWritable, PreflightError } from '../../src/bots/whatsapp/preflight';
import { chromiumVersion, knownBadChromium } from '../../src/bots/whatsapp/chromium-versions';
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

  it('refuses a Chromium version known not to work, and accepts a good one (a script that prints a version)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-chromium-'));
    const fake = (name: string, line: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `#!/bin/sh\necho "${line}"\n`, { mode: 0o755 });
      return file;
    };
    const old = fake('old-chromium', 'Chromium 100.0.4896.127 built on Debian 11.3, running on Debian 11.4');
    const good = fake('new-chromium', 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)');
    expect(() => checkChromium(old)).toThrow(
      new PreflightError(
        `CHROMIUM_PATH: Chromium 100.0.4896.127 at ${old} is known not to work with WhatsApp here (puppeteer 24 starts Chromium in the new headless mode, which Chromium has only from version 112); install a newer one (apt-get install chromium) or set CHROMIUM_PATH to it`,
      ),
    );
    expect(checkChromium(good)).toBe('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)');
    // Start-up stops with that line before any browser is launched.
    const panel = testPanel();
    await expect(startWhatsApp(panel.app, readSettings({ WHATSAPP_ENABLED: '1', CHROMIUM_PATH: old, PANELBOT_DATA_DIR: dir }), { err: () => {} })).rejects.toThrow(
      new SettingsError(`CHROMIUM_PATH: Chromium 100.0.4896.127 at ${old} is known not to work with WhatsApp here (puppeteer 24 starts Chromium in the new headless mode, which Chromium has only from version 112); install a newer one (apt-get install chromium) or set CHROMIUM_PATH to it`),
    );
    panel.close();
  });

  it('reads the version the way browsers print it', () => {
    expect(knownBadChromium('Google Chrome 111.0.5563.64')).toMatchObject({ version: '111.0.5563.64' });
    expect(knownBadChromium('Google Chrome 112.0.5615.49')).toBeUndefined();
    expect(knownBadChromium('Chromium 156.0.8078.114 snap')).toBeUndefined();
    expect(chromiumVersion('Chromium 99.0.4844.51 Arch Linux')).toEqual({ full: '99.0.4844.51', major: 99 });
    expect(knownBadChromium('Chromium (no version)')).toBeUndefined();
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
  }, 180_000);

  it.skipIf(!fs.existsSync(CHROMIUM))('accepts Debian\'s Chromium', () => {
    expect(checkChromium(CHROMIUM)).toMatch(/Chromium \d+/);
  }, 180_000);
  if (!fs.existsSync(CHROMIUM)) console.log(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
});
