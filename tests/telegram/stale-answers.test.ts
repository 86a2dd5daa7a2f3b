// A typed answer meant for a question that has since moved on is not applied to the next one:
// the person is told kindly and asked again. Telegram numbers both sides' messages of a private
// chat in one sequence, so the number of a message says which question the person had seen.
import type { Message } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramHarness, type TelegramHarness, type TgUser } from '../helpers/telegram';

let tg: TelegramHarness | undefined;
afterEach(async () => {
  await tg?.close();
  tg = undefined;
});

const CROSSED = 'Our messages crossed: that answer was for an earlier question';

async function atFirstName(user: TgUser, code: string): Promise<void> {
  for (const answer of ['/start', 'English', code, 'continue', 'yes']) await user.says(answer);
  expect(user.last.at(-1)!.text).toContain('first name');
}

function storedAnswers(h: TelegramHarness): Record<string, unknown> {
  const row = h.panel.app.db.$client.prepare('SELECT data FROM conversations').get() as { data: string };
  return JSON.parse(row.data).stack.at(-1).data.answers as Record<string, unknown>;
}

describe('answers for a question that has moved on', () => {
  it('the first name typed twice before the next question arrived does not become the last name', async () => {
    tg = await telegramHarness();
    const [code] = tg.panel.invite(1);
    const marie = tg.user(801, 'en');
    await atFirstName(marie, code!);

    // Both typed before the bot answered the first (one poll brings both).
    tg.fake.push(marie.message({ text: 'Marie' }));
    const second = tg.fake.push(marie.message({ text: 'Marie' }));
    const before = tg.fake.sent.length;
    await tg.fake.handled(second);
    const answers = tg.fake.sent.slice(before).map((m) => m.text ?? '');
    expect(answers[0]).toContain('What is your last name?');
    expect(answers[1]).toContain(CROSSED);
    expect(answers[2]).toContain('What is your last name?');
    expect(answers).toHaveLength(3);

    expect(await marie.says('Dupont')).toContain('date of birth');
    expect(storedAnswers(tg)).toMatchObject({ firstName: 'Marie', lastName: 'Dupont' });
  });

  it('a reply to the old question, sent after the next one was asked, is not taken for the next answer', async () => {
    tg = await telegramHarness();
    const [code] = tg.panel.invite(1);
    const jan = tg.user(802, 'en');
    await atFirstName(jan, code!);
    const firstNameQuestion = jan.last.at(-1)!;
    expect(await jan.says('Jan')).toContain('last name');
    // Jan replies (Telegram's "reply") to the first-name question once more.
    const answer = await jan.sends({ text: 'Jan', reply_to_message: tg.fake.messageFor(firstNameQuestion) as Message & { reply_to_message: undefined } });
    expect(answer).toContain(CROSSED);
    expect(answer).toContain('What is your last name?');
    expect(await jan.says('Janssens')).toContain('date of birth');
    expect(storedAnswers(tg)).toMatchObject({ firstName: 'Jan', lastName: 'Janssens' });
  });

  it('an answer typed after the question was shown is taken, also several in a row', async () => {
    tg = await telegramHarness();
    const [code] = tg.panel.invite(1);
    const ann = tg.user(803, 'en');
    await atFirstName(ann, code!);
    expect(await ann.says('Ann')).toContain('last name');
    expect(await ann.says('Peeters')).toContain('date of birth');
    expect(storedAnswers(tg)).toMatchObject({ firstName: 'Ann', lastName: 'Peeters' });
  });

  it('after a crash, the repeated "first name?" answered again does not become the last name', async () => {
    tg = await telegramHarness();
    const { fake } = tg;
    const [code] = tg.panel.invite(1);
    const marie = tg.user(804, 'en');
    for (const answer of ['/start', 'English', code!, 'continue']) await marie.says(answer);
    const yes = marie.message({ text: 'yes' });
    const yesUpdate = fake.push(yes);
    await fake.handled(yesUpdate);
    const question = fake.sentTo(804).at(-1)!;
    expect(question.text).toContain('first name');

    // The process died after Telegram took the question and before it was recorded: the update
    // comes again, and the question with it. Marie had already answered the first copy.
    const db = tg.panel.app.db.$client;
    db.prepare('UPDATE inbound_log SET delivered = 0, replies = ? WHERE message_id = ?').run(
      JSON.stringify([{ text: question.text, asks: 'registration.firstName' }]),
      `telegram:804:${yes.message!.message_id}`,
    );
    db.prepare(`UPDATE conversations SET data = json_remove(data, '$.stack[#-1].shown.ref')`).run();
    const first = fake.push(marie.message({ text: 'Marie' }));
    // She answers the repeated question as soon as it arrives, like the first one.
    let again: number | undefined;
    fake.onSent = (m) => {
      if (m.chatId === 804 && m.text === question.text && again === undefined) again = fake.push(marie.message({ text: 'Marie' }));
    };
    fake.replay(yesUpdate);
    await fake.handled(first);
    await new Promise<void>((resolve) => {
      const wait = () => (again === undefined ? setTimeout(wait, 5) : resolve());
      wait();
    });
    const before = fake.sent.length;
    await fake.handled(again!);
    expect(fake.sentTo(804).filter((m) => m.text === question.text)).toHaveLength(2);
    const answer = fake.sent.slice(before).map((m) => m.text ?? '').join('\n');
    expect(answer).toContain(CROSSED);
    expect(answer).toContain('What is your last name?');
    expect(await marie.says('Dupont')).toContain('date of birth');
    expect(storedAnswers(tg)).toMatchObject({ firstName: 'Marie', lastName: 'Dupont' });
  });
});
