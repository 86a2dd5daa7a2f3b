// The channels whose settings are present: each one's settings are consistent, and WhatsApp's
// browser and session folder are usable. Nothing here uses the network, except getMe / auth.test
// when asked for (--online).
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../config/settings';
import { checkChromium, PreflightError } from '../bots/whatsapp/preflight';
import { sessionDir, whatsappDataDir } from '../bots/whatsapp/paths';
import { fail, info, ok, warn, type Finding } from './findings';

/** The channel a setting belongs to, so that a wrong one is reported with its channel. */
export function areaOfSetting(setting: string): string {
  if (setting.startsWith('TELEGRAM_')) return 'telegram';
  if (setting.startsWith('SLACK_')) return 'slack';
  if (setting.startsWith('WHATSAPP_') || setting === 'CHROMIUM_PATH') return 'whatsapp';
  if (setting.startsWith('PANELBOT_WEB_') || setting === 'PANELBOT_PUBLIC_URL') return 'web';
  return 'settings';
}

export function checkTelegram(s: Settings): Finding[] {
  const area = 'telegram';
  if (!s.TELEGRAM_BOT_TOKEN) return [info(area, 'not configured (TELEGRAM_BOT_TOKEN is not set)')];
  const findings = [ok(area, `TELEGRAM_BOT_TOKEN looks like a token from @BotFather; ${s.TELEGRAM_WEBHOOK_URL ? 'webhook mode' : 'long polling'}`)];
  if (s.TELEGRAM_WEBHOOK_URL) {
    if (!s.TELEGRAM_WEBHOOK_URL.startsWith('https://')) findings.push(fail(area, 'TELEGRAM_WEBHOOK_URL is not https: Telegram only calls https webhooks', 'give the https address of your reverse proxy, or unset it for long polling'));
    if (!s.TELEGRAM_WEBHOOK_SECRET) findings.push(warn(area, 'TELEGRAM_WEBHOOK_SECRET is not set: anyone who finds the webhook address can post updates to it', 'set it to a random string (openssl rand -hex 32)'));
    else if (!/^[A-Za-z0-9_-]{1,256}$/.test(s.TELEGRAM_WEBHOOK_SECRET)) findings.push(fail(area, 'TELEGRAM_WEBHOOK_SECRET has characters Telegram refuses (only letters, digits, _ and -, up to 256)', 'use openssl rand -hex 32'));
  }
  return findings;
}

export function checkSlack(s: Settings): Finding[] {
  const area = 'slack';
  const findings: Finding[] = [];
  if (!s.SLACK_BOT_TOKEN) {
    if (s.SLACK_APP_TOKEN || s.SLACK_SIGNING_SECRET) return [fail(area, 'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not, so Slack does not start', 'set SLACK_BOT_TOKEN (OAuth & Permissions > Bot User OAuth Token, xoxb-…); see docs/slack.md')];
    return [info(area, 'not configured: organisers use the terminal (npx panelbot helpline, alerts)')];
  }
  if (!s.SLACK_BOT_TOKEN.startsWith('xoxb-')) findings.push(fail(area, 'SLACK_BOT_TOKEN is not a bot token (it should start with xoxb-)', 'copy the Bot User OAuth Token from OAuth & Permissions; see docs/slack.md'));
  if (s.SLACK_APP_TOKEN) {
    if (!s.SLACK_APP_TOKEN.startsWith('xapp-')) findings.push(fail(area, 'SLACK_APP_TOKEN is not an app-level token (it should start with xapp-)', 'create one under Basic Information > App-Level Tokens with connections:write'));
    else findings.push(ok(area, 'Socket Mode (SLACK_APP_TOKEN): no public address needed'));
    if (s.SLACK_PORT !== undefined) findings.push(info(area, 'SLACK_PORT is not used in Socket Mode'));
  } else if (s.SLACK_SIGNING_SECRET) {
    if (!/^[0-9a-f]{32}$/i.test(s.SLACK_SIGNING_SECRET)) findings.push(warn(area, 'SLACK_SIGNING_SECRET does not look like a signing secret (32 hexadecimal characters)', 'copy it from Basic Information > App Credentials > Signing Secret'));
    findings.push(ok(area, `HTTP mode on port ${s.SLACK_PORT ?? 3000} (SLACK_SIGNING_SECRET): Slack must reach it at a public https address`));
  }
  if (!s.SLACK_HELPLINE_CHANNEL) findings.push(warn(area, 'SLACK_HELPLINE_CHANNEL is not set: helpline questions are not posted to Slack', 'set it to the channel id (C…) and invite the app there'));
  if (!s.SLACK_ALERTS_CHANNEL) findings.push(warn(area, 'SLACK_ALERTS_CHANNEL is not set: alerts (urgent messages, WhatsApp trouble) reach nobody in Slack', 'set it to the channel id, or read them with npx panelbot alerts'));
  if (!s.SLACK_ORGANISERS) findings.push(fail(area, 'SLACK_ORGANISERS is not set: nobody may claim, answer or use /panel in Slack', 'list the organisers\' user ids (U…) or a user group (S…), comma-separated'));
  return findings;
}

/** Whether a folder can be written (or created) by this user, without creating anything. */
function writableProblem(folder: string): string | undefined {
  let dir = path.resolve(folder);
  while (!fs.existsSync(dir)) {
    const up = path.dirname(dir);
    if (up === dir) return 'no folder above it exists';
    dir = up;
  }
  if (!fs.statSync(dir).isDirectory()) return `${dir} is a file, not a folder`;
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    return undefined;
  } catch {
    return `${dir} cannot be written by this user`;
  }
}

export function checkWhatsApp(s: Settings, dbPath: string): Finding[] {
  const area = 'whatsapp';
  if (!s.WHATSAPP_ENABLED) return [info(area, 'not configured (WHATSAPP_ENABLED is not set)')];
  const findings: Finding[] = [];
  try {
    const version = checkChromium(s.CHROMIUM_PATH);
    findings.push(ok(area, `${version.split('\n')[0]!.slice(0, 80)} at ${s.CHROMIUM_PATH}`));
  } catch (err) {
    if (!(err instanceof PreflightError)) throw err;
    // The line already says what to do.
    findings.push(fail(area, err.message, 'docs/whatsapp.md, section 1'));
  }
  const session = sessionDir(whatsappDataDir(s.PANELBOT_DATA_DIR, dbPath));
  const problem = writableProblem(session);
  if (problem) findings.push(fail(area, `the session folder ${session} cannot be written (${problem})`, 'make it writable by the user that runs panelbot, or set PANELBOT_DATA_DIR'));
  else findings.push(ok(area, fs.existsSync(session) ? `session folder ${session} (logged in before; a new QR code only if the login was lost)` : `session folder ${session} (no login yet: a QR code is drawn at start)`));
  if (!s.WHATSAPP_NUMBER) findings.push(warn(area, 'WHATSAPP_NUMBER is not set: letters get no wa.me link', 'set it to the panel\'s number, like 32470123456'));
  return findings;
}

export function checkWeb(s: Settings): Finding[] {
  const area = 'web';
  if (s.PANELBOT_WEB_PORT === undefined) return [info(area, 'web chat not configured (PANELBOT_WEB_PORT is not set; npm start serves it on localhost when no channel is configured)')];
  const findings = [ok(area, `web chat on ${s.PANELBOT_WEB_HOST ?? 'every interface'}, port ${s.PANELBOT_WEB_PORT}`)];
  if (!s.PANELBOT_PUBLIC_URL) findings.push(warn(area, 'PANELBOT_PUBLIC_URL is not set: letters cannot carry the web chat\'s link', 'set the public address, like https://panel.example.be'));
  else if (!s.PANELBOT_PUBLIC_URL.startsWith('https://')) findings.push(warn(area, 'PANELBOT_PUBLIC_URL is not https: cookies are not marked Secure', 'put panelbot behind a reverse proxy with TLS (README: The web chat)'));
  if (!s.PANELBOT_WEB_SECRET) findings.push(warn(area, 'PANELBOT_WEB_SECRET is not set: web chat sessions end at each restart', 'set it in .env (openssl rand -hex 32)'));
  return findings;
}

/** getMe with the token (only with --online): the token is accepted, and the bot's name. */
export async function checkTelegramOnline(s: Settings, fetchFn: typeof fetch = fetch): Promise<Finding> {
  const area = 'telegram';
  const root = (s.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/$/, '');
  try {
    const res = await fetchFn(`${root}/bot${s.TELEGRAM_BOT_TOKEN}/getMe`, { signal: AbortSignal.timeout(15_000) });
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; result?: { username?: string }; description?: string };
    if (body.ok) return ok(area, `getMe: the token is accepted, the bot is @${body.result?.username ?? '?'}`);
    if (res.status === 401 || res.status === 404) return fail(area, `getMe: Telegram refused the token (${res.status} ${body.description ?? ''})`.trim(), 'get the token again from @BotFather (/mybots > API Token) and set TELEGRAM_BOT_TOKEN');
    return fail(area, `getMe: Telegram answered ${res.status} ${body.description ?? ''}`.trim(), 'try again later; see https://t.me/BotNews for outages');
  } catch (err) {
    // The token is part of the address: never in the line.
    const why = (err as Error).name === 'TimeoutError' ? 'no answer in 15 s' : (err as Error).message.replaceAll(s.TELEGRAM_BOT_TOKEN ?? '', '…');
    return fail(area, `getMe: could not reach ${new URL(root).host} (${why})`, 'check the machine\'s internet access or TELEGRAM_API_ROOT');
  }
}

/** auth.test with the bot token (only with --online). */
export async function checkSlackOnline(s: Settings, fetchFn: typeof fetch = fetch): Promise<Finding> {
  const area = 'slack';
  const base = (s.SLACK_API_URL ?? 'https://slack.com/api/').replace(/\/?$/, '/');
  try {
    const res = await fetchFn(`${base}auth.test`, { method: 'POST', headers: { authorization: `Bearer ${s.SLACK_BOT_TOKEN}` }, signal: AbortSignal.timeout(15_000) });
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string; team?: string; user?: string };
    if (body.ok) return ok(area, `auth.test: the bot token is accepted (${body.user ?? '?'} in ${body.team ?? '?'})`);
    return fail(area, `auth.test: Slack refused the bot token (${body.error ?? res.status})`, 'reinstall the app to the workspace and copy the new Bot User OAuth Token');
  } catch (err) {
    return fail(area, `auth.test: could not reach ${new URL(base).host} (${(err as Error).message})`, 'check the machine\'s internet access or SLACK_API_URL');
  }
}
