// Bot API answers given in-process: a `fetch` for grammY's client that never leaves the process
// and answers every call "ok", as Telegram would. Used as client.fetch (not a transformer on
// bot.api) because @grammyjs/conversations builds its own Api from the client options, and a
// transformer would not reach it. The API root points at a closed local port as a safety net.
import type { UserFromGetMe } from 'grammy/types';

export const BENCH_TOKEN = '123456:BENCH-token-abcdefghij';
export const BENCH_API_ROOT = 'http://127.0.0.1:9';
export const BENCH_BOT: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'Panel',
  username: 'panel_bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

export interface LocalApi {
  fetch: typeof fetch;
  calls: Map<string, number>;
}

export function localBotApi(): LocalApi {
  const calls = new Map<string, number>();
  let messageId = 1;
  const answer = (method: string, p: Record<string, unknown>): unknown => {
    switch (method) {
      case 'sendMessage':
      case 'editMessageReplyMarkup':
        return { message_id: messageId++, date: 1, chat: { id: Number(p.chat_id), type: 'private', first_name: 'C' }, text: String(p.text ?? '') };
      case 'getMe':
        return BENCH_BOT;
      default:
        return true;
    }
  };
  const fake = async (input: unknown, init?: { body?: unknown }): Promise<Response> => {
    const method = String(input).split('/').pop()!;
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const params = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    return new Response(JSON.stringify({ ok: true, result: answer(method, params) }), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fake as unknown as typeof fetch, calls };
}
