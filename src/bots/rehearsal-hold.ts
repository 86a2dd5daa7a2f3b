// Rehearsal (--now) without --rehearsal-send: Telegram and WhatsApp do not run (no message is read
// or answered there), and what the outbox would have sent on them is recorded as skipped with the
// reason 'rehearsal' (outbox status shows it): neither lost silently nor left pending for a later
// real run to send at the wrong time.
import type { ChannelKind } from '../core/conversation/messages';
import type { ChannelSender, DeliveryResult } from '../core/outbox/ports';

export const REAL_CHANNELS: readonly ChannelKind[] = ['telegram', 'whatsapp'];

const HELD: DeliveryResult = { ok: false, permanent: true, skipReason: 'rehearsal', reason: 'rehearsal: real channels do not send (--rehearsal-send lets them)' };

/** The channel as the outbox sees it while rehearsing: ready, and every message recorded as not sent. */
export function heldForRehearsal(channel: ChannelKind): ChannelSender {
  // Always ready: nothing needs to reach the platform to be held.
  return { channel, isReady: () => true, send: async () => HELD };
}
