// Chromium versions known not to work with panelbot's WhatsApp (whatsapp-web.js 1.34 on puppeteer
// 24), each with its reason. Checked against `chromium --version` before puppeteer starts a browser,
// so a known-bad browser stops start-up with one line instead of failing again and again.
// Add a row when a version is known to break (a range of major versions; both ends included).

export interface KnownBadChromium {
  /** The first and last major version of the range (from 0 for "everything before"). */
  fromMajor: number;
  toMajor: number;
  reason: string;
}

export const KNOWN_BAD_CHROMIUM: KnownBadChromium[] = [
  {
    fromMajor: 0,
    toMajor: 111,
    // puppeteer-core's ChromeLauncher passes --headless=new for headless: true (whatsapp-web.js's setting);
    // Chromium has that headless mode from 112 (developer.chrome.com/docs/automation-and-testing/headless).
    reason: 'puppeteer 24 starts Chromium in the new headless mode, which Chromium has only from version 112',
  },
];

/** The version in what `chromium --version` prints ("Chromium 156.0.8078.114 built on Debian…", "Google Chrome 120.0.6099.71"). */
export function chromiumVersion(versionLine: string): { full: string; major: number } | undefined {
  const match = /(\d+)\.(\d+)\.(\d+)\.(\d+)/.exec(versionLine) ?? /\b(\d{2,3})(?:\.\d+)+\b/.exec(versionLine);
  if (!match) return undefined;
  return { full: match[0], major: Number(match[1]) };
}

/** The known-bad row this version falls in, if any. */
export function knownBadChromium(versionLine: string, table: KnownBadChromium[] = KNOWN_BAD_CHROMIUM): (KnownBadChromium & { version: string }) | undefined {
  const version = chromiumVersion(versionLine);
  if (!version) return undefined;
  const row = table.find((r) => version.major >= r.fromMajor && version.major <= r.toMajor);
  return row ? { ...row, version: version.full } : undefined;
}
