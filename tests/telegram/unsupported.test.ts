// Everything else a person may send: answered kindly in their language in a private chat,
// ignored on purpose in groups and channels, and never the end of the bot.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from 'grammy/types';
import { findPersonByAddress } from '../../src/db/repos/people';
import { addressesOf } from '../../src/db/repos/people';
import type { UpdateBody } from '../fakes/telegram-bot-api';
import { telegramHarness, type TelegramHarness } from '../helpers/telegram';

let tg: TelegramHarness;
afterEach(async () => tg?.close());

const file = { file_id: 'f1', file_unique_id: 'u1' };
const KINDS: Array<[string, Partial<Message>]> = [
  ['photo', { photo: [{ ...file, width: 10, height: 10 }], caption: 'my letter' }],
  ['voice note', { voice: { ...file, duration: 3 } }],
  ['audio', { audio: { ...file, duration: 3 } }],
  ['video', { video: { ...file, width: 1, height: 1, duration: 1 } }],
  ['round video', { video_note: { ...file, length: 1, duration: 1 } }],
  ['GIF', { animation: { ...file, width: 1, height: 1, duration: 1 }, document: { ...file } }],
  ['sticker', { sticker: { ...file, type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }],
  ['document', { document: { ...file, file_name: 'id-card.pdf' } }],
  ['location', { location: { latitude: 50.84, longitude: 4.36 } }],
  ['venue', { location: { latitude: 50.84, longitude: 4.36 }, venue: { location: { latitude: 50.84, longitude: 4.36 }, title: 'Egmont', address: 'Brussels' } }],
  ['contact', { contact: { phone_number: '+32470000000', first_name: 'Ann' } }],
  ['poll', { poll: { id: 'p', question: 'Q?', options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: 'regular', allows_multiple_answers: false } }],
  ['dice', { dice: { emoji: '🎲', value: 3 } }],
] as Array<[string, Partial<Message>]>;

describe('what panelbot does not read', () => {
  it('answers every kind of media in the person’s language and asks the question again', async () => {
    tg = await telegramHarness();
    const lea = tg.user(601, 'fr');
    await lea.says('/start');
    await lea.presses('Nederlands');
    const question = lea.last.at(-1)!.text;
    for (const [name, fields] of KINDS) {
      const answer = await lea.sends(fields);
      expect(answer, name).toContain('Ik kan alleen getypte berichten lezen');
      expect(answer, name).toContain('+32 2 000 00 00'); // a kind answer with the phone number
      expect(lea.last.at(-1)!.text, name).toBe(question); // the code question, again
    }
  });

  it('asks to type again after an edited message, and ignores service messages', async () => {
    tg = await telegramHarness();
    const tom = tg.user(602, 'en');
    await tom.says('/start');
    await tom.presses('English');
    const sent = tom.message({ text: 'ABC' }).message!;
    const edited = await tom.does({ edited_message: { ...sent, edit_date: 2, text: 'ABD' } } as UpdateBody);
    expect(edited).toContain('I saw you edited a message');
    expect(edited).toContain('To change an answer, please type it again.');
    expect(await tom.sends({ pinned_message: sent } as Partial<Message>)).toBe('');
  });

  it('stays silent in groups, supergroups and channels, and keeps answering people', async () => {
    tg = await telegramHarness();
    const before = tg.fake.sent.length;
    const member = { id: 603, is_bot: false, first_name: 'G' };
    const group = { message_id: 1, date: 1, from: member, text: '/start' };
    const quiet: UpdateBody[] = [
      { message: { ...group, chat: { id: -1001, type: 'group', title: 'Family' } } },
      { message: { ...group, chat: { id: -1002, type: 'supergroup', title: 'Neighbours' } } },
      { message: { ...group, chat: { id: -1001, type: 'group', title: 'Family' }, photo: [{ ...file, width: 1, height: 1 }], text: undefined } },
      { edited_message: { ...group, edit_date: 2, chat: { id: -1002, type: 'supergroup', title: 'Neighbours' } } },
      { channel_post: { message_id: 1, date: 1, chat: { id: -1003, type: 'channel', title: 'News' }, text: 'hello' } },
      { my_chat_member: { chat: { id: -1001, type: 'group', title: 'Family' }, from: member, date: 1, old_chat_member: { status: 'left', user: member }, new_chat_member: { status: 'member', user: member } } },
      { message_reaction: { chat: { id: 603, type: 'private', first_name: 'G' }, message_id: 1, date: 1, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] } },
      { inline_query: { id: 'q', from: member, query: 'hi', offset: '' } },
    ] as UpdateBody[];
    for (const body of quiet) await tg.fake.handled(tg.fake.push(body));
    expect(tg.fake.sent.length).toBe(before);

    // A button pressed in a group is acknowledged, and nothing more.
    const groupButton = { callback_query: { id: 'cb-group', from: member, chat_instance: 'g', data: 'welcome.choose:en', message: { message_id: 5, date: 1, chat: { id: -1001, type: 'group', title: 'Family' } } } };
    await tg.fake.handled(tg.fake.push(groupButton as UpdateBody));
    expect(tg.fake.answeredCallbacks.has('cb-group')).toBe(true);
    expect(tg.fake.sent.length).toBe(before);

    expect(await tg.user(603).says('/start')).toContain('Which language');
  });

  it('survives an update it cannot make sense of', async () => {
    tg = await telegramHarness();
    await tg.fake.handled(tg.fake.push({ message: { message_id: 9, date: 1 } } as UpdateBody));
    expect(await tg.user(604).says('/start')).toContain('Which language');
  });

  it('takes a long choice whose button was sent before a restart as its label, typed', async () => {
    tg = await telegramHarness();
    const max = tg.user(605);
    await max.says('/start');
    const welcome = tg.fake.sentTo(605).at(-1)!;
    // A hash the bot no longer knows, on a button labelled "English".
    welcome.replyMarkup = { inline_keyboard: [[{ text: 'English', callback_data: '#unknownhashAAAAAAAAAAA' }]] };
    expect(await max.does(max.pressing(welcome, '#unknownhashAAAAAAAAAAA'))).toContain('code printed on your invitation letter');
  });

  it('marks a person who blocks the bot as unreachable, and sends them nothing more', async () => {
    tg = await telegramHarness();
    const zoe = tg.user(606, 'en');
    await zoe.says('/start');
    const member = { id: 606, is_bot: false, first_name: 'Z' };
    await tg.fake.handled(
      tg.fake.push({ my_chat_member: { chat: { id: 606, type: 'private', first_name: 'Z' }, from: member, date: 2, old_chat_member: { status: 'member', user: member }, new_chat_member: { status: 'kicked', user: member, until_date: 0 } } } as UpdateBody),
    );
    const person = findPersonByAddress(tg.panel.app.db, { channel: 'telegram', userId: '606' })!;
    expect(addressesOf(tg.panel.app.db, person.id)).toEqual([{ channel: 'telegram', userId: '606', reachable: false }]);
    const calls = tg.fake.callsOf('sendMessage').length;
    expect(await tg.bot.sender.send('606', { text: 'A reminder' }, 'bulk')).toMatchObject({ ok: false, permanent: true, unreachable: true });
    expect(tg.fake.callsOf('sendMessage').length).toBe(calls);
  });
});
