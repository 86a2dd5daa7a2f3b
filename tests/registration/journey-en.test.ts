// A whole registration in English, with a wrong answer at every step first. Every message goes
// through engine.submit as the adapters send it, and every reply is checked on its own, in order.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registrations, invitations, conversations } from '../../src/db/schema/index';

let panel: TestPanel;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
afterEach(() => panel?.close());

describe('registering by chat (English)', () => {
  it('goes from the code to the confirmation, correcting every wrong answer', async () => {
    panel = testPanel({ now: '2027-01-15T10:00:00+01:00' });
    const [code] = panel.invite(1, 'nl+fr');
    const ann = panel.user('ann');
    const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t('en', key, params);
    // Each reply on its own, in order: a question begins with its text (its choices follow).
    const asks = (key: string, params?: Record<string, unknown>) => expect.stringMatching(new RegExp(`^${escape(t(key, params))}(\\n|$)`));
    const says = (part: string) => expect.stringContaining(part);
    // A second wrong answer in a row offers a person instead of asking again.
    const offersPerson = asks('helpline:offer.ask');

    expect(await ann.tells({ kind: 'start' })).toEqual([says('Welcome! I am the assistant')]);
    expect(await ann.tells('English')).toEqual(['Fine, we will continue in English.', says('code printed on your invitation letter')]);

    expect(await ann.tells('hello')).toEqual([says('does not look like a code'), t('registration:code.ask')]);
    const typo = code!.slice(0, 3) + (code![3] === 'A' ? 'B' : 'A') + code!.slice(4);
    expect(await ann.tells(typo)).toEqual([says('typing mistake'), offersPerson]);
    const about = await ann.tells(code!.toLowerCase().replace(/(...)(...)/, '$1 $2 '));
    expect(about).toEqual([says('is valid'), says('brings together 60 residents')]);
    expect(about[1]).toContain('320 €');
    expect(about[1]).toMatch(/Saturday, 20 February 2027 – Sunday, 21 February 2027: Weekend 1/);

    expect(await ann.tells('what?')).toEqual([says('Please answer with the option shown'), says('brings together 60 residents')]);
    expect(await ann.tells('1')).toEqual([asks('registration:consent.ask')]);
    expect(await ann.tells('maybe')).toEqual([says('one of the 2 options'), asks('registration:consent.ask')]);
    expect(await ann.tells('yes')).toEqual([says('first name')]);

    expect(await ann.tells('12345')).toEqual([says('letters only'), t('registration:firstName.ask')]);
    expect(await ann.tells('Ann')).toEqual([says('last name')]);
    expect(await ann.tells('@@@')).toEqual([says('letters only'), t('registration:lastName.ask')]);
    expect(await ann.tells('Peeters-De Smet')).toEqual([says('date of birth')]);

    expect(await ann.tells('last summer')).toEqual([says('could not read that date'), t('registration:birthDate.ask')]);
    expect(await ann.tells('31/02/1990')).toEqual([says('does not exist'), offersPerson]);
    expect(await ann.tells('31/12/2099')).toEqual([says('not possible'), t('registration:birthDate.ask')]);
    expect(await ann.tells('21.3.1990')).toEqual([says('What is your gender?')]);

    // Free words are the person's own description.
    expect(await ann.tells('3')).toEqual([says('postcode')]);
    expect(await ann.tells('Brussels')).toEqual([says('4 digits'), t('registration:postcode.ask')]);
    expect(await ann.tells('0999')).toEqual([says('do not know this postcode'), offersPerson]);
    expect(await ann.tells('4700')).toEqual([says('highest level of education')]);

    expect(await ann.tells('PhD')).toEqual([says('one of the 7 options'), asks('registration:education.ask')]);
    expect(await ann.tells('University')).toEqual([says('nationality')]);
    expect(await ann.tells('Belgian')).toEqual([says('European elections')]);
    expect(await ann.tells('yes')).toEqual([says('political mandate')]);
    expect(await ann.tells('no')).toEqual([says('political party')]);
    expect(await ann.tells('no')).toEqual([says('diplomat')]);
    expect(await ann.tells('no')).toEqual([says('oversee this panel')]);
    expect(await ann.tells('no')).toEqual([says('Can you attend all of them?')]);
    expect(await ann.tells('yes')).toEqual([says('How can the team reach you?')]);

    expect(await ann.tells('call me maybe')).toEqual([says('phone number or an e-mail'), t('registration:contact.ask')]);
    expect(await ann.tells('0470 12')).toEqual([says('phone number does not look right'), offersPerson]);
    expect(await ann.tells('ann@')).toEqual([says('e-mail address does not look right'), t('registration:contact.ask')]);
    const summary = await ann.tells('0470 12 34 56 ann@example.be');
    expect(summary).toEqual([asks('registration:summary.title')]);
    expect(summary[0]).toContain('• First name: Ann\n');
    expect(summary[0]).toContain('• Last name: Peeters-De Smet\n');
    expect(summary[0]).toContain('• Date of birth: Wednesday, 21 March 1990\n');
    expect(summary[0]).toContain('• Gender: Non-binary\n');
    expect(summary[0]).toContain('• Postcode: 4700 (Liège)\n');
    expect(summary[0]).toContain('• Phone / e-mail: +32 470 12 34 56, ann@example.be\n'); // grouped as read; stored +32470123456

    // A correction from the summary comes back to the summary.
    expect(await ann.tells('Change an answer')).toEqual([asks('registration:summary.pick')]);
    expect(await ann.tells('First name')).toEqual([t('registration:firstName.ask')]);
    expect(await ann.tells('Anna')).toEqual([says('• First name: Anna\n')]);

    expect(await ann.tells('Yes, register me')).toEqual([expect.stringMatching(/^You are registered[\s\S]*Monday, 1 February 2027/)]);

    const row = panel.app.db.select().from(registrations).get()!;
    expect(row).toMatchObject({
      status: 'registered',
      invitationCode: code,
      firstName: 'Anna',
      lastName: 'Peeters-De Smet',
      birthDate: '1990-03-21',
      gender: 'non_binary',
      postcode: '4700',
      province: 'liege',
      region: 'wallonia',
      germanCommunity: true,
      education: 'university',
      nationality: 'belgian',
      euVote: 'yes',
      phone: '+32470123456',
      email: 'ann@example.be',
      consentVersion: '2027-01',
    });
    // The draft is gone from the conversation state once written.
    const state = panel.app.db.select().from(conversations).where(eq(conversations.personId, row.personId)).get()!;
    expect(state.data).not.toContain('Anna');
    // Afterwards, free text is a question: the FAQ answers it, or a person from the team does.
    expect(await ann.tells('When is the first weekend?')).toEqual([says('Weekend 1'), asks('helpline:faq.helped')]);
    expect(await ann.tells('no')).toEqual([says('passed on to the team')]);
  });

  it('takes gender in one’s own words', async () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    const kim = panel.user('kim');
    const t = (key: string) => panel.app.services.i18n.t('en', key);
    for (const answer of ['en', code!, '1', 'yes', 'Kim', 'Lee', '01/01/1980']) await kim.tells(answer);
    expect(await kim.tells('In my own words')).toEqual([t('registration:gender.describe')]);
    expect(await kim.tells('genderfluid')).toEqual([t('registration:postcode.ask')]);
  });
});
