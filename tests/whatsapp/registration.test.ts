// A whole registration on WhatsApp, started from the wa.me link on the letter (its text is the
// code), answered by number and by words, through a real whatsapp-web.js Client's events.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { registrations, identities, alerts } from '../../src/db/schema/index';
import { formatCode } from '../../src/core/registration/invitation-code';
import { Message, rawMessage, waHarness, type WaHarness } from './harness';

let h: WaHarness;
afterEach(async () => h?.close());

describe('registering on WhatsApp', () => {
  it('goes from the wa.me link to the confirmation, choices as numbered lists', async () => {
    h = await waHarness();
    await h.connect();
    const [code] = h.panel.invite(1, 'nl+fr');
    const ann = h.person('+32 470 12 34 56');

    // The wa.me link pre-fills the code: the letter's languages come first.
    const welcome = await ann.says(code!);
    expect(welcome).toContain('Which language would you like to use? Answer with a number.');
    expect(welcome).toMatch(/1\. Nederlands\n {2}2\. Français\n {2}3\. Deutsch\n {2}4\. English/);

    const accepted = await ann.says('4');
    expect(accepted).toContain('is valid');
    expect(accepted).toContain('1. Continue');
    expect(await ann.says('1')).toContain('Do you agree');
    expect(await ann.says('yes')).toContain('first name');
    expect(await ann.says('Ann')).toContain('last name');
    expect(await ann.says('Peeters')).toContain('date of birth');
    const gender = await ann.says('21/03/1990');
    expect(gender).toContain('What is your gender?');
    expect(gender).toMatch(/1\. Woman/);
    expect(await ann.says('1')).toContain('postcode');
    expect(await ann.says('9000')).toContain('highest level of education');
    expect(await ann.says('University')).toContain('nationality');
    expect(await ann.says('Belgian')).toContain('European elections');
    expect(await ann.says('yes')).toContain('political mandate');
    expect(await ann.says('no')).toContain('political party');
    expect(await ann.says('2')).toContain('diplomat');
    expect(await ann.says('no')).toContain('oversee this panel');
    expect(await ann.says('no')).toContain('Can you attend all of them?');
    expect(await ann.says('yes')).toContain('How can the team reach you?');
    const summary = await ann.says('0470 12 34 56');
    expect(summary).toContain('• First name: Ann');
    expect(summary).toMatch(/1\. Yes, register me/);
    expect(await ann.says('Yes, register me')).toContain('You are registered');

    const row = h.panel.app.db.select().from(registrations).get()!;
    expect(row).toMatchObject({ status: 'registered', invitationCode: code, firstName: 'Ann', phone: '+32470123456' });
    expect(h.panel.app.db.select().from(identities).all()).toMatchObject([{ channel: 'whatsapp', userId: '32470123456@c.us' }]);
    // Every answer went to Ann's chat, and only there.
    expect(new Set(h.port.sent.map((s) => s.chatId))).toEqual(new Set([ann.chatId]));
  });

  it('takes the code as printed on the letter too, and a greeting as the start', async () => {
    h = await waHarness();
    await h.connect();
    const [code] = h.panel.invite(1, 'fr');
    const bea = h.person('+32 471 00 00 01');
    expect(await bea.says(formatCode(code!))).toMatch(/1\. Français/);
    expect(await bea.says('English')).toContain('is valid');

    const carl = h.person('+32 471 00 00 02');
    // No code: the welcome, then the registration asks for the code.
    expect(await carl.says('Hello!')).toContain('Which language would you like to use?');
    expect(await carl.says('English')).toContain('code printed on your invitation letter');
  });

  it('reads two quick first messages in order: only the first opens the conversation', async () => {
    h = await waHarness();
    await h.connect();
    const [code] = h.panel.invite(1, 'fr');
    const dan = h.person('+32 471 00 00 03');
    h.client.emit('message', new Message(h.client, rawMessage(dan.chatId, { type: 'chat', body: code })));
    h.client.emit('message', new Message(h.client, rawMessage(dan.chatId, { type: 'chat', body: 'English' })));
    await h.timing.run(h.wa.drain());
    const texts = h.port.textsTo(dan.chatId);
    expect(texts.filter((t) => t.includes('Which language'))).toHaveLength(1);
    expect(texts.join('\n')).toContain('is valid');
  });

  it('prints the login QR code and tells the organisers when Slack is configured', async () => {
    h = await waHarness({ slack: true });
    expect(h.wa.sender.isReady()).toBe(false);
    expect(h.port.lifecycle).toEqual(['initialize']);

    await h.emit('qr', '2@abc,def,ghi,jkl');
    expect(h.reported.join('\n')).toContain('Linked devices > Link a device');
    // Drawn in the terminal (half blocks), never printed as text; kept as a PNG beside the session.
    const shown = h.reported.join('\n');
    expect(shown).toMatch(/[▀▄█]{10}/);
    expect(shown).not.toContain('2@abc,def,ghi,jkl');
    expect(shown).toMatch(/the same QR code as a picture: \S+login-qr\.png \(or run: npx panelbot whatsapp qr\)/);
    await h.emit('qr', '2@second,code');
    expect(h.reported.join('\n')).toContain('new WhatsApp login QR code');
    const png = /picture: (\S+login-qr\.png)/.exec(shown)![1]!;
    // Written in the background, then made owner-only.
    for (let i = 0; i < 200 && !(fs.existsSync(png) && (fs.statSync(png).mode & 0o777) === 0o600); i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(fs.statSync(png).mode & 0o777).toBe(0o600);
    // One alert for the login, however many QR codes follow; no QR code in it, only where its picture is.
    const rows = h.panel.app.db.select().from(alerts).all();
    expect(rows.map((a) => [a.kind, JSON.parse(a.payload)])).toEqual([['whatsapp_login_needed', { picture: png }]]);

    await h.connect();
    expect(h.wa.sender.isReady()).toBe(true);
    expect(h.reported.at(-1)).toContain('WhatsApp is connected');
    // Logged in: the code is gone.
    expect(fs.existsSync(png)).toBe(false);
  });

  it('raises no login alert without Slack (the terminal shows the QR code)', async () => {
    h = await waHarness();
    await h.emit('qr', '2@abc');
    expect(h.panel.app.db.select().from(alerts).all()).toEqual([]);
    expect(h.reported.join('\n')).toContain('Link a device, and scan this QR code');
  });
});
