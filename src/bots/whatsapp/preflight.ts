// What must hold before WhatsApp starts a browser, checked once with one line that says what to do:
// CHROMIUM_PATH is an executable file that answers like Chromium, and the session folder can be
// written, and its version is not one known not to work (chromium-versions.ts). Without this, a
// directory, another program or a read-only folder was retried forever.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { knownBadChromium } from './chromium-versions';

export class PreflightError extends Error {}

export function checkChromium(chromiumPath: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(chromiumPath);
  } catch {
    throw new PreflightError(`CHROMIUM_PATH: no Chromium at ${chromiumPath} (on Debian: apt-get install chromium; see docs/whatsapp.md)`);
  }
  if (stat.isDirectory()) throw new PreflightError(`CHROMIUM_PATH: ${chromiumPath} is a folder; give the browser program itself, e.g. /usr/bin/chromium`);
  try {
    fs.accessSync(chromiumPath, fs.constants.X_OK);
  } catch {
    throw new PreflightError(`CHROMIUM_PATH: ${chromiumPath} is not a program that can be run (chmod +x, or give /usr/bin/chromium)`);
  }
  let version = '';
  try {
    version = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    version = '';
  }
  if (!/chrom/i.test(version)) {
    throw new PreflightError(`CHROMIUM_PATH: ${chromiumPath} does not answer like Chromium to --version${version ? ` ("${version.slice(0, 60)}")` : ''}; give a Chromium or Chrome browser (apt-get install chromium)`);
  }
  const bad = knownBadChromium(version);
  if (bad) {
    throw new PreflightError(`CHROMIUM_PATH: Chromium ${bad.version} at ${chromiumPath} is known not to work with WhatsApp here (${bad.reason}); install a newer one (apt-get install chromium) or set CHROMIUM_PATH to it`);
  }
  return version;
}

export function checkWritable(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    const probe = path.join(folder, `.panelbot-write-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    throw new PreflightError(`WhatsApp cannot write its session folder ${folder} (${(err as NodeJS.ErrnoException).code ?? 'error'}): make it writable by this user, or set PANELBOT_DATA_DIR`);
  }
}
