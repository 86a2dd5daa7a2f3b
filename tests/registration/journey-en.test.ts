// A whole registration in English, with a wrong answer at every step first.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registrations, invitations, conversations } from '../../src/db/schema/index';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('registering by chat (English)', () => {
  it('goes from the code to the confirmation, correcting every wrong answer', () => {
    panel = testPanel({ now: '2027-01-15T10:00:00+01:00' });
    const [code] = panel.invite(1, 'nl+fr');
    const ann = panel.user('ann');

    ann.sends({ kind: 'start' });
    expect(ann.says('English')).toContain('code printed on your invitation letter');

    expect(ann.says('hello')).toContain('does not look like a code');
    const typo = code!.slice(0, 3) + (code![3] === 'A' ? 'B' : 'A') + code!.slice(4);
    expect(ann.says(typo)).toContain('typing mistake');
    expect(ann.says(code!.toLowerCase().replace(/(...)(...)/, '$1 $2 '))).toContain('is valid');
    expect(ann.last.at(-1)?.text).toContain('brings together 60 residents');
    expect(ann.last.at(-1)?.text).toContain('320 €');
    expect(ann.last.at(-1)?.text).toMatch(/Saturday, 20 February 2027 – Sunday, 21 February 2027: Weekend 1/);

    expect(ann.says('what?')).toContain('Please answer with the option shown');
    expect(ann.says('1')).toContain('Do you agree');
    expect(ann.says('maybe')).toContain('one of the 2 options');
    expect(ann.says('yes')).toContain('first name');

    expect(ann.says('12345')).toContain('letters only');
    expect(ann.says('Ann')).toContain('last name');
    expect(ann.says('@@@')).toContain('letters only');
    expect(ann.says('Peeters-De Smet')).toContain('date of birth');

    expect(ann.says('last summer')).toContain('could not read that date');
    expect(ann.says('31/02/1990')).toContain('does not exist');
    expect(ann.says('31/12/2099')).toContain('not possible');
    expect(ann.says('21.3.1990')).toContain('What is your gender?');

    // Free words are the person's own description.
    expect(ann.says('3')).toContain('postcode');
    expect(ann.says('Brussels')).toContain('4 digits');
    expect(ann.says('0999')).toContain('do not know this postcode');
    expect(ann.says('4700')).toContain('highest level of education');

    expect(ann.says('PhD')).toContain('one of the 7 options');
    expect(ann.says('University')).toContain('nationality');
    expect(ann.says('Belgian')).toContain('European elections');
    expect(ann.says('yes')).toContain('political mandate');
    expect(ann.says('no')).toContain('political party');
    expect(ann.says('no')).toContain('diplomat');
    expect(ann.says('no')).toContain('oversee this panel');
    expect(ann.says('no')).toContain('Can you attend all of them?');
    expect(ann.says('yes')).toContain('How can the team reach you?');

    expect(ann.says('call me maybe')).toContain('phone number or an e-mail');
    expect(ann.says('0470 12')).toContain('phone number does not look right');
    expect(ann.says('ann@')).toContain('e-mail address does not look right');
    const summary = ann.says('0470 12 34 56 ann@example.be');
    expect(summary).toContain('• First name: Ann');
    expect(summary).toContain('• Last name: Peeters-De Smet');
    expect(summary).toContain('• Date of birth: Wednesday, 21 March 1990');
    expect(summary).toContain('• Gender: Non-binary');
    expect(summary).toContain('• Postcode: 4700 (Liège)');
    expect(summary).toContain('• Phone / e-mail: +32470123456, ann@example.be');

    // A correction from the summary comes back to the summary.
    expect(ann.says('Change an answer')).toContain('Which answer would you like to change?');
    expect(ann.says('First name')).toContain('first name');
    expect(ann.says('Anna')).toContain('• First name: Anna');

    const done = ann.says('Yes, register me');
    expect(done).toContain('You are registered');
    expect(done).toContain('Monday, 1 February 2027');

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
    expect(ann.says('When is the first weekend?')).toContain('Did this answer your question?');
    expect(ann.says('no')).toContain('passed on to the team');
  });

  it('takes gender in one’s own words', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    const kim = panel.user('kim');
    for (const answer of ['en', code!, '1', 'yes', 'Kim', 'Lee', '01/01/1980']) kim.says(answer);
    expect(kim.says('In my own words')).toContain('in your own words');
    expect(kim.says('genderfluid')).toContain('postcode');
  });
});
