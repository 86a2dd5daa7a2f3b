// The bot's @username for t.me deep links: from TELEGRAM_BOT_USERNAME, or asked of the Bot API (getMe).
import type { Settings } from '../config/settings';

export async function telegramBotUsername(settings: Settings): Promise<string | undefined> {
  const fixed = process.env.TELEGRAM_BOT_USERNAME?.replace(/^@/, '').trim();
  if (fixed) return fixed;
  if (!settings.TELEGRAM_BOT_TOKEN) return undefined;
  const root = settings.TELEGRAM_API_ROOT ?? 'https://api.telegram.org';
  try {
    const res = await fetch(`${root}/bot${settings.TELEGRAM_BOT_TOKEN}/getMe`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { ok: boolean; result?: { username?: string } };
    return body.ok ? body.result?.username : undefined;
  } catch {
    return undefined;
  }
}
