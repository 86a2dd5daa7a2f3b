// A whole registration on Telegram, once with the buttons and once by typing, through the real
// grammY against the fake Bot API; and a deep link with the invitation code.
import { afterEach, describe, expect, it } from 'vitest';
import { registrations } from '../../src/db/schema/index';
import { telegramHarness, type TelegramHarness } from '../helpers/telegram';

let tg: TelegramHarness;
afterEach(async () => tg?.close());

describe('registering on Telegram', () => {
  it('goes from /start to the confirmation with the buttons', async () => {
    tg = await telegramHarness();
    const [code] = tg.panel.invite(1, 'nl+fr');
    const ann = tg.user(501, 'en');

    const welcome = await ann.says('/start');
    expect(welcome).toContain('Which language would you like to use?');
    // Buttons carry the numbers the texts mention.
    expect(ann.buttons).toEqual(['1. Français', '2. Nederlands', '3. Deutsch', '4. English']);

    expect(await ann.presses('English')).toContain('code printed on your invitation letter');
    // The pressed button was acknowledged and the keyboard now shows the choice made.
    expect(tg.fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    const language = tg.fake.sentTo(501)[0]!;
    expect(language.replyMarkup?.inline_keyboard).toEqual([[{ text: '✓ 4. English', callback_data: '-' }]]);

    expect(await ann.says(code!)).toContain('is valid');
    expect(await ann.presses('Continue')).toContain('Do you agree');
    expect(await ann.presses('Yes')).toContain('first name');
    expect(await ann.says('Ann')).toContain('last name');
    expect(await ann.says('Peeters')).toContain('date of birth');
    expect(await ann.says('21/03/1990')).toContain('What is your gender?');
    expect(await ann.presses('Woman')).toContain('postcode');
    expect(await ann.says('9000')).toContain('highest level of education');
    expect(await ann.presses('Higher education, not university')).toContain('nationality');
    expect(await ann.presses('Belgian')).toContain('European elections');
    expect(await ann.presses('Yes')).toContain('political mandate');
    expect(await ann.presses('No')).toContain('political party');
    expect(await ann.presses('No')).toContain('diplomat');
    expect(await ann.presses('No')).toContain('oversee this panel');
    expect(await ann.presses('No')).toContain('Can you attend all of them?');
    expect(await ann.presses('Yes')).toContain('How can the team reach you?');
    const summary = await ann.says('ann@example.be');
    expect(summary).toContain('• First name: Ann');
    expect(summary).toContain('[1. Yes, register me]');
    expect(await ann.presses('Yes, register me')).toContain('You are registered');

    const row = tg.panel.app.db.select().from(registrations).get()!;
    expect(row).toMatchObject({ status: 'registered', invitationCode: code, firstName: 'Ann', education: 'higher_non_university', email: 'ann@example.be' });
    // Pressing an old button again changes nothing: it belongs to an earlier question.
    const consent = tg.fake.sentTo(501).find((m) => m.text?.includes('Do you agree'))!;
    expect(await ann.does(ann.pressing(consent, 'registration.consent:yes'))).toContain('earlier question');
  });

  it('works just as well by typing every answer', async () => {
    tg = await telegramHarness();
    const [code] = tg.panel.invite(1, 'fr');
    const bob = tg.user(502);
    const answers = [
      '/start', 'English', code!, 'continue', 'yes', 'Bob', 'Janssens', '02/02/1985', 'Man', '1000', 'University', 'Belgian', 'no',
      'no', 'no', 'no', 'no', 'yes', '0470 12 34 56',
    ];
    for (const answer of answers) await bob.says(answer);
    expect(bob.buttons).toEqual(['1. Yes, register me', '2. Change an answer']);
    expect(await bob.says('Yes, register me')).toContain('You are registered');
    expect(tg.fake.callsOf('answerCallbackQuery')).toHaveLength(0);
  });

  it('starts the registration with the code of a t.me deep link', async () => {
    tg = await telegramHarness();
    const [code] = tg.panel.invite(1, 'nl');
    const eva = tg.user(503, 'en');
    // The letter's languages come first.
    expect(await eva.says(`/start ${code}`)).toContain('Which language');
    expect(eva.buttons[0]).toBe('1. Nederlands');
    const accepted = await eva.presses('English');
    expect(accepted).toContain('is valid');
    expect(accepted).toContain('[1. Continue]');
  });

  it('sets the command menu in every language', async () => {
    tg = await telegramHarness();
    expect([...tg.fake.commands.keys()].sort()).toEqual(['', 'de', 'en', 'fr', 'nl']);
    expect(tg.fake.commands.get('nl')!.map((c) => c.command)).toEqual(['start', 'help', 'language', 'human', 'easyread', 'mydata', 'cancel']);
    expect(tg.fake.commands.get('fr')!.find((c) => c.command === 'language')!.description).toBe('Changer de langue');
    expect(tg.reported.join('\n')).toContain('@panel_test_bot is polling');
  });
});
