// Webhook mode: Telegram posts updates to panelbot; only posts carrying the secret token are read.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../fakes/telegram-bot-api';
import { telegramHarness, type TelegramHarness } from '../helpers/telegram';

let tg: TelegramHarness | undefined;
let fake: FakeBotApi | undefined;
afterEach(async () => {
  await tg?.close();
  await fake?.close();
  tg = fake = undefined;
});

const SECRET = 'right-secret_123';
const hook = (path = '/telegram/hook') => `http://127.0.0.1:${tg!.bot.webhookPort}${path}`;
const post = (body: unknown, secret?: string, path?: string) =>
  fetch(hook(path), { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: JSON.stringify(body) });
const start = (update_id: number, chatId: number) => ({
  update_id,
  message: { message_id: update_id, date: 1, chat: { id: chatId, type: 'private', first_name: 'W' }, from: { id: chatId, is_bot: false, first_name: 'W' }, text: '/start' },
});

describe('the Telegram webhook', () => {
  it('registers itself with its secret and refuses posts without it', async () => {
    fake = await FakeBotApi.start();
    tg = await telegramHarness({ fake, env: { TELEGRAM_WEBHOOK_URL: 'https://panel.example/telegram/hook', TELEGRAM_WEBHOOK_SECRET: SECRET }, bot: { webhookPort: 0 } });
    expect(fake.webhook).toEqual({ url: 'https://panel.example/telegram/hook', secretToken: SECRET });
    expect(tg.reported.join('\n')).toContain('webhook');

    expect((await post(start(1, 801))).status).toBe(401);
    expect((await post(start(1, 801), 'wrong-secret')).status).toBe(401);
    expect(fake.sentTo(801)).toHaveLength(0);

    expect((await post(start(1, 801), SECRET)).status).toBe(200);
    expect(fake.sentTo(801)[0]!.text).toContain('Which language would you like to use?');
    // Telegram posting the same update again (it had not heard our 200) is not answered twice.
    expect((await post(start(1, 801), SECRET)).status).toBe(200);
    expect(fake.sentTo(801)).toHaveLength(1);

    expect((await post(start(2, 801), SECRET, '/elsewhere')).status).toBe(404);
    expect((await fetch(hook())).status).toBe(404);
    const broken = await fetch(hook(), { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: '{not json' });
    expect(broken.status).toBe(400);
  });

  it('asks Telegram to post again when the replies could not be sent', async () => {
    fake = await FakeBotApi.start();
    tg = await telegramHarness({ fake, env: { TELEGRAM_WEBHOOK_URL: 'https://panel.example/telegram/hook', TELEGRAM_WEBHOOK_SECRET: SECRET }, bot: { webhookPort: 0 } });
    fake.fail({ method: 'sendMessage', code: 500, times: 5 });
    expect((await post(start(1, 802), SECRET)).status).toBe(500);
    expect((await post(start(1, 802), SECRET)).status).toBe(200);
    expect(fake.sentTo(802)).toHaveLength(1);
  });

  it('deletes the webhook when started again without it, and polls', async () => {
    fake = await FakeBotApi.start();
    tg = await telegramHarness({ fake, env: { TELEGRAM_WEBHOOK_URL: 'https://panel.example/telegram/hook', TELEGRAM_WEBHOOK_SECRET: SECRET }, bot: { webhookPort: 0 } });
    await tg.close();
    tg = await telegramHarness({ fake });
    expect(fake.webhook).toBeUndefined();
    expect(await tg.user(803).says('/start')).toContain('Which language');
  });
});
