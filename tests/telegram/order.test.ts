// Updates in order within a chat, chats independent of each other; and how messages are cut and
// buttons encoded for Telegram's limits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallbackCodec, renderParts, splitText } from '../../src/bots/telegram/render';
import { telegramHarness, type TelegramHarness } from '../helpers/telegram';

let tg: TelegramHarness | undefined;
afterEach(async () => {
  await tg?.close();
  tg = undefined;
});

describe('several messages at once', () => {
  it('answers a chat’s messages in the order they were sent', async () => {
    tg = await telegramHarness();
    const kim = tg.user(901, 'en');
    // Three messages in one batch of updates.
    const ids = ['/start', 'English', 'help'].map((text) => tg!.fake.push(kim.message({ text })));
    await tg.fake.handled(ids.at(-1)!);
    const texts = tg.fake.sentTo(901).map((m) => m.text ?? '');
    expect(texts[0]).toContain('Which language');
    expect(texts[1]).toContain('continue in English');
    expect(texts[2]).toContain('invitation letter');
    expect(texts[3]).toContain('You can answer each question by typing');
  });

  it('commits the messages of different chats that came in one poll together, and answers each', async () => {
    tg = await telegramHarness();
    const batches = vi.spyOn(tg.panel.app.engine, 'handleBatch');
    const chats = [911, 912, 913, 914, 915];
    const ids = chats.map((chat) => tg!.fake.push(tg!.user(chat, 'en').message({ text: '/start' })));
    await tg.fake.handled(Math.max(...ids));
    expect(batches.mock.calls.map(([batch]) => batch.length)).toEqual([chats.length]);
    for (const chat of chats) expect(tg.fake.sentTo(chat).map((m) => m.text ?? '').join()).toContain('Which language');
  });

  it('does not let one chat’s trouble hold up another chat', async () => {
    tg = await telegramHarness();
    tg.fake.fail({ method: 'sendMessage', chatId: 902, code: 502, description: 'Bad Gateway' });
    const slow = tg.fake.push(tg.user(902).message({ text: '/start' }));
    const quick = tg.fake.push(tg.user(903).message({ text: '/start' }));
    await tg.fake.handled(Math.max(slow, quick));
    expect(tg.fake.sent.map((m) => m.chatId)).toEqual([903, 902]);
  });
});

describe('rendering for Telegram', () => {
  it('cuts long texts at line ends and puts the buttons under the last part', () => {
    const line = 'A line of the programme of the weekend.\n';
    const parts = renderParts({ text: line.repeat(250), choices: [{ id: 'x.y:ok', label: 'OK' }] }, new CallbackCodec());
    expect(parts.length).toBe(3);
    expect(parts.every((p) => p.text.length <= 4000)).toBe(true);
    expect(parts.map((p) => p.text).join('\n')).toBe(line.repeat(250));
    expect(parts.map((p) => Boolean(p.reply_markup))).toEqual([false, false, true]);
    expect(splitText('x'.repeat(9000)).map((p) => p.length)).toEqual([4000, 4000, 1000]);
  });

  it('keeps callback data under 64 bytes, with a short hash for long choice ids', () => {
    const codec = new CallbackCodec();
    const short = 'registration.education:higher_non_university';
    expect(codec.encode(short)).toBe(short);
    const long = `survey.question_with_a_very_long_name:${'é'.repeat(20)}`;
    const data = codec.encode(long);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(codec.decode(data)).toEqual({ choiceId: long });
    // After a restart the hash is unknown: the adapter then uses the button's label.
    expect(new CallbackCodec().decode(data)).toEqual({ unknown: true });
  });
});
