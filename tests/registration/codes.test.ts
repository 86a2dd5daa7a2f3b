// Invitation codes: typing mistakes, used codes, limits, bursts, deep links; and kind endings.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { alerts, registrations, invitations } from '../../src/db/schema/index';
import { checkCode, generateCode, CODE_ALPHABET } from '../../src/core/registration/invitation-code';

let panel: TestPanel;
afterEach(() => panel?.close());

const wrongButValid = () => generateCode();

describe('invitation codes', () => {
  it('catch every single wrong character and every swap of two characters', () => {
    for (let n = 0; n < 200; n++) {
      const code = generateCode();
      expect(checkCode(code)).toBe('ok');
      for (let i = 0; i < code.length; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === code[i]) continue;
          expect(checkCode(code.slice(0, i) + c + code.slice(i + 1))).not.toBe('ok');
        }
        for (let j = i + 1; j < code.length; j++) {
          if (code[i] === code[j]) continue;
          const swapped = [...code];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(checkCode(swapped.join(''))).not.toBe('ok');
        }
      }
    }
  });

  it('one code registers one person: the second gets a kind answer and the helpline', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    // The code is used once the first person confirms (here: registered with the usual answers).
    const first = panel.user('first');
    for (const answer of ['English', code!, 'continue', 'yes', 'Ann', 'Peeters', '21/03/1990', 'Woman', '9000', 'University', 'Belgian', 'yes', 'no', 'no', 'no', 'no', 'yes', '0470 12 34 56']) first.says(answer);
    expect(first.says('Yes, register me')).toContain('You are registered');
    const second = panel.user('second');
    second.says('English');
    const reply = second.says(code!);
    expect(reply).toContain('already been used');
    expect(reply).toContain('+32 2 000 00 00');
    expect(panel.app.db.select().from(invitations).get()!.claimedBy).toBe(1);
  });

  it('limits wrong codes per person, then lets them try again after the pause', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    const mo = panel.user('mo');
    mo.says('English');
    for (let i = 0; i < 5; i++) expect(mo.says(wrongButValid())).toContain('I do not know this code');
    expect(mo.says(code!)).toMatch(/Too many wrong codes.*try again in \d+ min/);
    panel.clock.advance(61 * 60_000);
    expect(mo.says(code!)).toContain('is valid');
  });

  it('reports a burst of wrong codes across people to the organisers, once', () => {
    panel = testPanel();
    for (let p = 0; p < 8; p++) {
      const u = panel.user(`bot-${p}`);
      u.says('English');
      for (let i = 0; i < 5; i++) u.says(wrongButValid());
    }
    const burst = panel.app.db.select().from(alerts).where(eq(alerts.kind, 'wrong_code_burst')).all();
    expect(burst).toHaveLength(1);
    expect(JSON.parse(burst[0]!.payload)).toMatchObject({ minutes: 10 });
  });

  it('a deep link skips the code question and proposes the letter’s languages first', () => {
    panel = testPanel();
    const [code] = panel.invite(1, 'de');
    const lea = panel.user('lea', 'telegram');
    const greeting = lea.sends({ kind: 'start', payload: code! });
    expect(greeting).toMatch(/^Willkommen/);
    expect(greeting).toMatch(/1\. Deutsch/);
    const next = lea.says('1');
    expect(next).toContain('auf Deutsch');
    expect(next).not.toMatch(/Code von Ihrem Brief|code printed/);
  });

  it("texts about the code claim no length or alphabet: another service's codes (4 to 16 letters and digits) are accepted too", () => {
    panel = testPanel();
    const code = 'AB12CD34EF56'; // twelve characters, an O-free code from another service
    panel.app.db.insert(invitations).values({ code, languages: 'fr', importedAt: panel.clock.now() }).run();
    const u = panel.user('other-service');
    u.sends({ kind: 'start' });
    u.says('Français');
    expect(u.says('ab12-cd34-ef56')).toContain(panel.app.services.i18n.t('fr', 'registration:code.accepted', { code: 'AB12CD34EF56' }));
    const { i18n } = panel.app.services;
    for (const lng of ['fr', 'nl', 'de', 'en'] as const) {
      for (const key of ['ask', 'format', 'linkInvalid', 'unknown']) {
        for (const easy of [false, true]) {
          const text = i18n.t(lng, `registration:code.${key}`, { phone: '', email: '', minutes: 5 }, easy);
          expect(text, `${lng} ${key}${easy ? ' easy' : ''}`).not.toMatch(/\b9\b|\b[Oo] (or|ou|of|oder) I\b/);
        }
      }
    }
  });

  it('a bad deep link asks for the code instead', () => {
    panel = testPanel();
    const lea = panel.user('lea', 'telegram');
    lea.sends({ kind: 'start', payload: 'NOPE' });
    expect(lea.says('English')).toContain('code printed on your invitation letter');
  });
});

describe('kind endings', () => {
  const start = (panel: TestPanel, user: string) => {
    const [code] = panel.invite(1);
    const u = panel.user(user);
    for (const a of ['English', code!, 'continue', 'yes', 'Sam', 'Smith']) u.says(a);
    return u;
  };

  it('someone too young is told why and nothing personal is kept', () => {
    panel = testPanel();
    const u = start(panel, 'young');
    // 15 on the first panel day (8 February 2027): asked to confirm first, as a year is easily mistyped.
    expect(u.says('09/02/2011')).toContain('Let us check');
    expect(panel.app.db.select().from(registrations).all()).toEqual([]);
    expect(u.says('yes')).toContain('at least 16');
    const row = panel.app.db.select().from(registrations).get()!;
    expect(row).toMatchObject({ status: 'ineligible', ineligibleReason: 'too_young', firstName: null, birthDate: null });
    // Afterwards, free text goes to the helpline rather than back into the registration.
    expect(u.says('why?')).toContain('passed on to the team');
  });

  it('a minor of 16 or 17 is told a guardian will come with them', () => {
    panel = testPanel();
    const u = start(panel, 'teen');
    expect(u.says('01/01/2010')).toContain('parent or guardian');
  });

  it('an excluded person is told why, kindly, and kept as ineligible with the reason only', () => {
    panel = testPanel();
    const u = start(panel, 'mayor');
    for (const a of ['01/01/1970', 'Man', '1000', 'University', 'Belgian', 'yes']) u.says(a);
    expect(u.says('yes')).toContain('Let us check');
    expect(u.says('yes')).toContain('hold a political office cannot take part');
    expect(panel.app.db.select().from(registrations).get()).toMatchObject({ status: 'ineligible', ineligibleReason: 'excluded_office', lastName: null, postcode: null });
  });

  it('someone unavailable is told why, kindly', () => {
    panel = testPanel();
    const u = start(panel, 'busy');
    for (const a of ['01/01/1970', 'Man', '1000', 'University', 'Belgian', 'yes', 'no', 'no', 'no', 'no']) u.says(a);
    expect(u.says('no')).toContain('Let us check');
    expect(u.says('Yes, it is right')).toContain('being there on every date');
    expect(panel.app.db.select().from(registrations).get()).toMatchObject({ status: 'ineligible', ineligibleReason: 'unavailable' });
  });

  it('a mistaken answer that would end the registration can be changed: nothing is lost', () => {
    panel = testPanel();
    const u = start(panel, 'mistap');
    expect(u.says('09/02/2011')).toContain('Let us check');
    expect(u.says('No, I want to change it')).toContain('What is your date of birth?');
    for (const a of ['09/02/1981', 'Man', '1000', 'University', 'Belgian', 'yes']) u.says(a);
    // One wrong tap on "yes, I hold a political office".
    expect(u.says('1')).toContain('Let us check');
    expect(u.says('no')).toContain('political mandate');
    expect(u.says('no')).toContain('political party');
    expect(panel.app.db.select().from(registrations).all()).toEqual([]);
  });

  it('no consent ends politely, keeps nothing and frees the code', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    const u = panel.user('nope');
    for (const a of ['English', code!, 'continue']) u.says(a);
    expect(u.says('no')).toContain('Nothing personal has been kept');
    expect(panel.app.db.select().from(registrations).all()).toEqual([]);
    expect(panel.app.db.select().from(invitations).get()!.claimedBy).toBeNull();
    // Changing their mind: typing the code again starts over.
    expect(u.says(code!)).toContain('is valid');
  });
});
