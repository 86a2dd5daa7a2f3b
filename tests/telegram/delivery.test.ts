// Sending under the Bot API's rules: waiting as told on 429, backing off on 5xx and network
// failures, a person who blocked the bot, a restart halfway through, and a message delivered twice.
import { afterEach, describe, expect, it } from 'vitest';
import { addressesOf, findPersonByAddress } from '../../src/db/repos/people';
import { registrations } from '../../src/db/schema/index';
import { telegramHarness, type TelegramHarness } from '../helpers/telegram';

let tg: TelegramHarness;
afterEach(async () => tg?.close());

const WELCOME = 'Which language would you like to use?';
const sendsTo = (chatId: number) => tg.fake.callsOf('sendMessage').filter((p) => Number(p.chat_id) === chatId).length;

describe('sending on Telegram', () => {
  it('waits as long as a 429 asks, then sends once', async () => {
    tg = await telegramHarness();
    tg.fake.fail({ method: 'sendMessage', chatId: 701, code: 429, description: 'Too Many Requests: retry after 3', retryAfter: 3 });
    expect(await tg.user(701).says('/start')).toContain(WELCOME);
    expect(tg.fake.sentTo(701)).toHaveLength(1);
    expect(sendsTo(701)).toBe(2);
    expect(tg.timing.slept).toContain(3000);
  });

  it('backs off after 5xx answers and a dropped connection, then sends once', async () => {
    tg = await telegramHarness();
    tg.fake.fail({ method: 'sendMessage', chatId: 702, code: 502, description: 'Bad Gateway', times: 2 });
    tg.fake.fail({ method: 'sendMessage', chatId: 702, drop: true });
    expect(await tg.user(702).says('/start')).toContain(WELCOME);
    expect(tg.fake.sentTo(702)).toHaveLength(1);
    expect(sendsTo(702)).toBe(4);
    // Exponential: 0.5 s, 1 s, 2 s.
    expect(tg.timing.slept).toEqual(expect.arrayContaining([500, 1000, 2000]));
  });

  it('answers a message again later when the API stays down, without answering twice', async () => {
    tg = await telegramHarness();
    tg.fake.fail({ method: 'sendMessage', chatId: 703, code: 500, times: 5 });
    const ines = tg.user(703);
    expect(await ines.says('/start')).toContain(WELCOME);
    expect(tg.fake.sentTo(703)).toHaveLength(1);
    expect(sendsTo(703)).toBe(6);
    expect(await ines.presses('English')).toContain('invitation letter');
  });

  it('marks a person who blocked the bot (403) unreachable, and reaches them again when they write', async () => {
    tg = await telegramHarness();
    const noor = tg.user(704, 'nl');
    await noor.says('/start');
    tg.fake.block(704);
    expect(await noor.presses('Nederlands')).toBe('');
    const person = findPersonByAddress(tg.panel.app.db, { channel: 'telegram', userId: '704' })!;
    expect(addressesOf(tg.panel.app.db, person.id)[0]!.reachable).toBe(false);

    // Reminders and broadcasts are not even tried any more.
    const tried = sendsTo(704);
    expect(await tg.bot.sender.send('704', { text: 'Reminder' }, 'bulk')).toEqual({ ok: false, permanent: true, unreachable: true, reason: 'blocked the bot earlier' });
    expect(sendsTo(704)).toBe(tried);

    // Unblocking and writing again makes them reachable.
    tg.fake.blocked.delete(704);
    expect(await noor.says('help')).not.toBe('');
    expect(addressesOf(tg.panel.app.db, person.id)[0]!.reachable).toBe(true);
  });

  it('continues a registration after a restart, on the same database', async () => {
    tg = await telegramHarness();
    const [code] = tg.panel.invite(1);
    const ann = tg.user(705, 'en');
    for (const answer of ['/start', 'English', code!, 'continue', 'yes', 'Ann']) await ann.says(answer);
    expect(ann.last.at(-1)!.text).toContain('last name');

    await tg.restart();
    expect(await ann.says('Peeters')).toContain('date of birth');
    // A button sent before the restart still works.
    await ann.says('21/03/1990');
    expect(await ann.presses('Woman')).toContain('postcode');
    for (const answer of ['9000', 'University', 'Belgian', 'yes', 'no', 'no', 'no', 'no', 'yes', '0470 12 34 56']) await ann.says(answer);
    expect(await ann.presses('Yes, register me')).toContain('You are registered');
    expect(tg.panel.app.db.select().from(registrations).get()).toMatchObject({ firstName: 'Ann', lastName: 'Peeters' });
  });

  it('answers a message delivered twice only once', async () => {
    tg = await telegramHarness();
    const jan = tg.user(706);
    const start = jan.message({ text: '/start' });
    expect(await jan.does(start)).toContain(WELCOME);
    // The same message in a second update…
    expect(await jan.does(start)).toBe('');
    // …and the same update again, as after a crash before Telegram heard it was handled.
    const updateId = tg.fake.push(jan.message({ text: 'English' }));
    await tg.fake.handled(updateId);
    const sent = tg.fake.sent.length;
    tg.fake.replay(updateId);
    await tg.fake.handled(updateId);
    expect(tg.fake.sent.length).toBe(sent);
    expect(tg.fake.sentTo(706)).toHaveLength(3);
  });

  it('sends a file as a document', async () => {
    tg = await telegramHarness();
    const eva = tg.user(707);
    await eva.says('/start');
    await eva.presses('English');
    const answer = await eva.says('/mydata');
    expect(answer).toContain('📎 panelbot-my-data.json');
    expect(eva.last.find((m) => m.document)!.document!.content).toContain('"language"');
  });
});
