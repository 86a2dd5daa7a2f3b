// Settings from the environment (and .env), validated at start. A wrong value is one clear line.
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const flag = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return false;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'expected 1 or 0' });
    return z.NEVER;
  });
const port = z.coerce.number<string | undefined>().int().min(1).max(65535);
const url = z.string().url();

const settingsFields = z.object({
  PANELBOT_DB: optionalString,
  PANELBOT_CONFIG: optionalString,
  PANELBOT_DATA_DIR: optionalString,
  PANELBOT_ORGANISERS: optionalString,
  /** Rehearsal: run as if it were this moment (panel time unless an offset is given); like --now. */
  PANELBOT_NOW: optionalString,
  /** Unset: info, except warn while a terminal chat has the screen. */
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
  TELEGRAM_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[\w-]{10,}$/.test(v), 'expected a token from @BotFather, like 123456:ABC-DEF…'),
  TELEGRAM_API_ROOT: optionalString.pipe(url.optional()),
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(url.optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_WEBHOOK_PORT: optionalString.pipe(port.optional()),
  WHATSAPP_ENABLED: flag,
  WHATSAPP_NUMBER: optionalString,
  /** Empty means unset: Debian's Chromium. */
  CHROMIUM_PATH: optionalString.transform((v) => v ?? '/usr/bin/chromium'),
  /** Seconds between WhatsApp messages to different people, drawn at random in [min, max] (ban risk). */
  WHATSAPP_GAP_MIN_SECONDS: optionalString.pipe(z.coerce.number<string | undefined>().min(0).max(600).optional()),
  WHATSAPP_GAP_MAX_SECONDS: optionalString.pipe(z.coerce.number<string | undefined>().min(0).max(600).optional()),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_PORT: optionalString.pipe(port.optional()),
  SLACK_API_URL: optionalString.pipe(url.optional()),
  SLACK_HELPLINE_CHANNEL: optionalString,
  SLACK_ALERTS_CHANNEL: optionalString,
  SLACK_ORGANISERS: optionalString,
  /** The web chat: the port it listens on (setting it starts the channel), the interface, the public address. */
  PANELBOT_WEB_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  PANELBOT_WEB_HOST: optionalString,
  PANELBOT_PUBLIC_URL: optionalString.pipe(url.optional()),
  /** Signs the web chat's session cookies; at least 32 characters. Unset: a new one per start (sessions end at restart). */
  PANELBOT_WEB_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, 'at least 32 characters (e.g. openssl rand -hex 32)'),
  /** 1 behind a reverse proxy: the client's address is the last one the proxy adds to X-Forwarded-For. */
  PANELBOT_WEB_TRUST_PROXY: flag,
});

export const settingsSchema = settingsFields.superRefine((s, ctx) => {
  if (s.SLACK_BOT_TOKEN && !s.SLACK_APP_TOKEN && !s.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'needed with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN (Socket Mode) is set' });
  }
});

export type Settings = z.infer<typeof settingsSchema>;

export class SettingsError extends Error {}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    // Never echo the value: it may be a secret.
    throw new SettingsError(`setting ${String(first.path[0] ?? '?')}: ${first.message}`);
  }
  return parsed.data;
}

/**
 * Every setting that is wrong, one line each (never the value), and the settings read as if the
 * wrong ones were unset: `panelbot doctor` reports them all and goes on checking the rest.
 */
export function readSettingsLeniently(env: NodeJS.ProcessEnv = process.env): { settings: Settings; problems: Array<{ setting: string; message: string }> } {
  const problems: Array<{ setting: string; message: string }> = [];
  const usable: NodeJS.ProcessEnv = {};
  for (const [key, field] of Object.entries(settingsFields.shape)) {
    const one = (field as z.ZodType).safeParse(env[key]);
    if (one.success) usable[key] = env[key];
    else problems.push({ setting: key, message: one.error.issues[0]?.message ?? 'not valid' });
  }
  const parsed = settingsSchema.safeParse(usable);
  if (parsed.success) return { settings: parsed.data, problems };
  for (const issue of parsed.error.issues) problems.push({ setting: String(issue.path[0] ?? '?'), message: issue.message });
  return { settings: settingsFields.parse(usable), problems };
}
