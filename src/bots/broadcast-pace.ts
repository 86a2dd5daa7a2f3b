// How long a broadcast takes on each channel at the pace its adapter sends one message per person:
// WhatsApp at a human pace (seconds between people, from the settings), Telegram just under its
// 30 messages a second, the terminal and web chats at once. What the preview tells organisers.
import type { Settings } from '../config/settings';
import { DEFAULT_PACE as TELEGRAM_PACE } from './telegram/send-queue';
import { estimateBroadcast, paceFromSeconds } from './whatsapp/pace';

export interface ChannelTime {
  /** Typically, and at most (leaving aside the platform asking to wait). */
  typicalMs: number;
  atMostMs: number;
}

export function broadcastTime(channel: string, people: number, settings: Pick<Settings, 'WHATSAPP_GAP_MIN_SECONDS' | 'WHATSAPP_GAP_MAX_SECONDS'>): ChannelTime {
  const gaps = Math.max(0, Math.floor(people) - 1);
  if (channel === 'whatsapp') return estimateBroadcast(people, paceFromSeconds(settings.WHATSAPP_GAP_MIN_SECONDS, settings.WHATSAPP_GAP_MAX_SECONDS));
  if (channel === 'telegram') return { typicalMs: gaps * TELEGRAM_PACE.globalGapMs, atMostMs: gaps * TELEGRAM_PACE.globalGapMs };
  return { typicalMs: 0, atMostMs: 0 };
}

/** "about 13 min (at most 18 min)", "about 4 s", "at once". */
export function describeTime(time: ChannelTime): string {
  const say = (ms: number) => (ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`);
  if (time.atMostMs < 1000) return 'at once';
  return time.atMostMs > time.typicalMs ? `about ${say(time.typicalMs)} (at most ${say(time.atMostMs)})` : `about ${say(time.typicalMs)}`;
}
