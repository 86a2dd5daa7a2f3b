// What panelbot does with everything on WhatsApp that is not a person's typed text: media, calls
// and reactions get "I can only read text" in the person's language and the question again;
// groups, status updates, channels and system entries are ignored on purpose (no answer at all).
import { afterEach, describe, expect, it } from 'vitest';
import { inboundLog } from '../../src/db/schema/index';
import { Call, Message, Reaction, rawMessage, waHarness, type WaHarness } from './harness';

let h: WaHarness;
afterEach(async () => h?.close());

const ONLY_TEXT = 'Je ne peux lire que des messages écrits.';

/** Raw WhatsApp Web data of each kind of message a person can send besides text. */
const KINDS: Record<string, Record<string, unknown>> = {
  image: { type: 'image', directPath: '/v/t62.7118-24/photo', caption: 'voici' },
  album: { type: 'album' },
  video: { type: 'video', directPath: '/v/t62.7161-24/video' },
  audio: { type: 'audio', directPath: '/v/t62.7114-24/audio' },
  'voice note (ptt)': { type: 'ptt', directPath: '/v/t62.7117-24/voice' },
  sticker: { type: 'sticker', directPath: '/v/t62.15575-24/sticker' },
  document: { type: 'document', directPath: '/v/t62.7119-24/doc', filename: 'cv.pdf' },
  location: { type: 'location', lat: 50.8466, lng: 4.3528, loc: 'Brussels' },
  'contact card (vcard)': { type: 'vcard', body: 'BEGIN:VCARD\nFN:Someone\nEND:VCARD' },
  'several contact cards': { type: 'multi_vcard', vcardList: [{ vcard: 'BEGIN:VCARD\nEND:VCARD' }] },
  poll: { type: 'poll_creation', pollName: 'Lunch?', pollOptions: [] },
  'an order (anything else)': { type: 'order' },
};

async function frenchSpeaker(h: WaHarness) {
  const zoe = h.person('+32 472 11 22 33');
  await zoe.says('bonjour');
  expect(await zoe.says('Français')).toContain('code');
  return zoe;
}

describe('what WhatsApp sends besides text', () => {
  it.each(Object.entries(KINDS))('answers %s with "I can only read text", in French, and asks again', async (_name, data) => {
    h = await waHarness();
    await h.connect();
    const zoe = await frenchSpeaker(h);
    const answer = await zoe.sends(data);
    expect(answer).toContain(ONLY_TEXT);
    expect(answer).toContain('+32 2 000 00 00'); // a kind answer with the phone number
    // The question is asked again: the code is still expected.
    expect(answer).toContain('code');
  });

  it('answers a call and a reaction the same way, and ignores a reaction taken back', async () => {
    h = await waHarness();
    await h.connect();
    const zoe = await frenchSpeaker(h);
    const call = new Call(h.client, { id: 'CALL-1', peerJid: zoe.chatId, isVideo: false, isGroup: false, outgoing: false, offerTime: 1 });
    expect((await h.emit('call', call)).join('\n')).toContain(ONLY_TEXT);
    const reaction = (text: string, id: string) =>
      new Reaction(h.client, { msgKey: { _serialized: id, fromMe: false, remote: zoe.chatId }, reactionText: text, senderUserJid: zoe.chatId, parentMsgKey: {} });
    expect((await h.emit('message_reaction', reaction('👍', 'R1'))).join('\n')).toContain(ONLY_TEXT);
    expect(await h.emit('message_reaction', reaction('', 'R1'))).toEqual([]);
  });

  it('asks to type again after an edit, once per new text, and ignores edits of its own messages', async () => {
    h = await waHarness();
    await h.connect();
    const zoe = await frenchSpeaker(h);
    const raw = rawMessage(zoe.chatId, { type: 'chat', body: 'ABC' });
    const edited = (body: string) => new Message(h.client, { ...raw, body });
    const answer = (await h.emit('message_edit', edited('ABD'), 'ABD', 'ABC')).join('\n');
    expect(answer).toContain("J'ai vu que vous avez modifié un message");
    expect(answer).toContain('code');
    // The same edit delivered twice is answered once; a second edit is a new message.
    expect(await h.emit('message_edit', edited('ABD'), 'ABD', 'ABC')).toEqual([]);
    expect((await h.emit('message_edit', edited('ABE'), 'ABE', 'ABD')).join('\n')).toContain('modifié');
    const own = new Message(h.client, { ...raw, id: { ...(raw.id as object), fromMe: true } });
    expect(await h.emit('message_edit', own, 'x', 'y')).toEqual([]);
  });

  it('tells a newcomer who starts with a photo, then shows the welcome', async () => {
    h = await waHarness();
    await h.connect();
    const answer = await h.person('+32 473 00 00 00').sends(KINDS.image!);
    expect(answer).toContain('I can only read typed messages.');
    expect(answer).toContain('Which language would you like to use?');
  });

  it('ignores groups, status updates, channels, broadcast lists, its own messages and system entries', async () => {
    h = await waHarness();
    await h.connect();
    const group = '32470111111-1600000000@g.us';
    const ignored = [
      { ...rawMessage(group, { type: 'chat', body: 'ABC-DEF-GHJ' }), author: '32470222222@c.us' },
      rawMessage('status@broadcast', { type: 'chat', body: 'my holiday' }),
      { ...rawMessage('32470333333@c.us', { type: 'image', directPath: '/x' }), isStatusV3: true },
      rawMessage('120363000000000000@newsletter', { type: 'chat', body: 'news' }),
      rawMessage('1600000000@broadcast', { type: 'chat', body: 'to my list' }),
      { ...rawMessage('32470444444@c.us', { type: 'chat', body: 'sent from the phone' }), id: { fromMe: true, remote: '32470444444@c.us', id: 'X', _serialized: 'true_X' } },
      rawMessage('32470555555@c.us', { type: 'revoked' }),
      rawMessage('32470555555@c.us', { type: 'e2e_notification' }),
      rawMessage('32470555555@c.us', { type: 'call_log' }),
      rawMessage('32470555555@c.us', { type: 'ciphertext' }),
    ];
    for (const data of ignored) expect(await h.emit('message', new Message(h.client, data))).toEqual([]);
    expect(await h.emit('call', new Call(h.client, { id: 'C2', peerJid: group, isGroup: true, outgoing: false }))).toEqual([]);
    expect(await h.emit('call', new Call(h.client, { id: 'C3', peerJid: '32470666666@c.us', isGroup: false, outgoing: true }))).toEqual([]);
    const groupReaction = new Reaction(h.client, { msgKey: { _serialized: 'R2', fromMe: false, remote: group }, reactionText: '😂', senderUserJid: '32470777777@c.us' });
    expect(await h.emit('message_reaction', groupReaction)).toEqual([]);
    // Ignored means not even seen: nothing was recorded for anyone.
    expect(h.panel.app.db.select().from(inboundLog).all()).toEqual([]);
  });
});
