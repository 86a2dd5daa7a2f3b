// The same Telegram updates for the peer and for panelbot: every citizen types the registration
// in a private chat, all at once (interleaved).
import type { Update } from 'grammy/types';
import { interleaved } from './citizens';

export const FIRST_CHAT = 700_000_000;

export function registrationUpdates(codes: string[], chatOffset = 0): Update[] {
  const { messages } = interleaved(codes);
  return messages.map((m, i) => {
    const chat = FIRST_CHAT + chatOffset + m.citizen;
    return {
      update_id: 1 + i,
      message: {
        message_id: 10 + i,
        date: 1_800_000_000 + i,
        chat: { id: chat, type: 'private', first_name: 'C' },
        from: { id: chat, is_bot: false, first_name: 'C', language_code: 'en' },
        text: m.text,
      },
    } as Update;
  });
}
