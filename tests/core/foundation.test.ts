// The foundation as a citizen meets it: greeting in four languages, a language remembered,
// global commands at any step, bad input answered, state that survives a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { formatCode } from '../../src/core/registration/invitation-code';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('the first conversation', () => {
  it('greets in the four languages and continues in the one chosen', () => {
    panel = testPanel();
    const alice = panel.user('alice');
    const greeting = alice.sends({ kind: 'start' });
    expect(greeting).toContain('Bienvenue');
    expect(greeting).toContain('Welkom');
    expect(greeting).toContain('Willkommen');
    expect(greeting).toContain('Welcome');
    expect(greeting).toMatch(/1\. Français\n\s+2\. Nederlands\n\s+3\. Deutsch\n\s+4\. English/);

    const reply = alice.says('2');
    expect(reply).toContain('we gaan verder in het Nederlands');
    expect(reply).toMatch(/code/i);
  });

  it('understands the language by name as well as by number', () => {
    panel = testPanel();
    expect(panel.user('bob').says('Deutsch')).toContain('auf Deutsch');
    expect(panel.user('carla').says('frans')).toContain('en français');
  });

  it('answers nonsense before a language is chosen in every language', () => {
    panel = testPanel();
    const dan = panel.user('dan');
    // A first message is greeted, whatever it says; nonsense after the greeting asks again.
    expect(dan.says('blablabla')).toContain('Welcome!');
    const reply = dan.says('blablabla');
    expect(reply).not.toContain('Welcome!');
    expect(reply).toContain('Répondez par le numéro');
    expect(reply).toContain('Antwoord met het nummer');
    expect(reply).toContain('Antworten Sie bitte');
    expect(reply).toContain('Please answer with the number');
  });
});

describe('global commands', () => {
  it('work at any step, typed in any of the four languages', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    const eva = panel.user('eva');
    eva.says('English');
    eva.says(code!);
    expect(eva.says('hilfe')).toContain('At any moment you can type');
    // Help asks the current question again.
    expect(eva.last.at(-1)?.text).toContain('The Citizens');

    const lang = eva.says('langue');
    expect(lang).toContain('Which language would you like?');
    const switched = eva.says('Nederlands');
    expect(switched).toContain('Nederlands');
    // Back where she was, now in Dutch.
    expect(switched).toContain('Data');

    // "cancel" during the registration offers to stop it; "no" goes back to the same question.
    expect(eva.says('cancel')).toContain('Wilt u stoppen met inschrijven?');
    expect(eva.says('nee')).toContain('Data');
  });

  it('asks before starting over and keeps the answers when told no', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    const finn = panel.user('finn');
    finn.says('4');
    finn.says(code!);
    finn.says('continue');
    finn.says('yes');
    finn.says('Finn');
    expect(finn.says('start over')).toContain('Start these questions again');
    expect(finn.says('no')).toContain('your answers are kept');
    expect(finn.last.at(-1)?.text).toContain('last name');
    finn.says('restart');
    const again = finn.says('yes');
    expect(again).toContain("let's start again");
    // The code stays his: he goes on from the panel's description.
    expect(again).toContain('brings together 60 residents');
  });

  it('talk to a person opens a helpline question and comes back to the registration', () => {
    panel = testPanel();
    const gina = panel.user('gina');
    gina.says('en');
    expect(gina.says('human')).toContain('Write your question here');
    const handed = gina.says('My letter has a typo in my name');
    expect(handed).toMatch(/passed on to the team \(reference #\d+\)/);
    expect(handed).toContain('code printed on your invitation letter');
  });
});

describe('bad input', () => {
  it('gets a helpful answer in the person’s language at every kind of step', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    const hugo = panel.user('hugo');
    hugo.says('français');
    expect(hugo.sends({ kind: 'unsupported', what: 'photo' })).toContain('Je ne peux lire que des messages écrits');
    expect(hugo.says('   ')).toContain('message vide');
    expect(hugo.says('/frobnicate')).toContain('Je ne connais pas la commande');
    hugo.says(code!);
    // A choice step answered with nonsense.
    hugo.says('continuer');
    expect(hugo.says('peut-être bien')).toMatch(/Répondez avec l'un des 2 choix/);
  });

  it('treats a stale button as stale', () => {
    panel = testPanel();
    const ivan = panel.user('ivan');
    ivan.sends({ kind: 'start' });
    ivan.says('English');
    expect(ivan.sends({ kind: 'choice', choiceId: 'welcome.choose:fr' })).toContain('earlier question');
  });
});

describe('delivery', () => {
  it('answers the same platform message once', () => {
    panel = testPanel();
    const inbound = { address: { channel: 'telegram' as const, userId: '42' }, messageId: 'tg-1', content: { kind: 'text' as const, text: 'English' } };
    const first = panel.app.engine.handle(inbound);
    expect(first.length).toBeGreaterThan(0);
    // Redelivered before the replies were confirmed: the same replies again, nothing processed twice.
    expect(panel.app.engine.handle(inbound)).toEqual(first);
    panel.app.engine.delivered(inbound);
    expect(panel.app.engine.handle(inbound)).toEqual([]);
  });
});

describe('restarts', () => {
  it('a new process on the same database continues the conversation', () => {
    panel = testPanel();
    const [code] = panel.invite(1);
    panel.user('jana').says('Nederlands');
    panel.user('jana').says(formatCode(code!));
    panel = panel.reopen();
    const jana = panel.user('jana');
    const resumed = jana.sends({ kind: 'start' });
    expect(resumed).toContain('Welkom terug');
    expect(jana.last.at(-1)?.choices?.length).toBe(1);
  });
});

describe('housekeeping', () => {
  it('forgets delivered messages after a week, keeping what may still be redelivered', async () => {
    const { housekeeping } = await import('../../src/core/outbox/housekeeping');
    panel = testPanel();
    const inbound = { address: { channel: 'telegram' as const, userId: '7' }, messageId: 'old', content: { kind: 'text' as const, text: 'English' } };
    panel.app.engine.handle(inbound);
    panel.app.engine.delivered(inbound);
    panel.app.engine.flushDeliveries();
    const undelivered = { ...inbound, messageId: 'pending' };
    panel.app.engine.handle(undelivered);
    panel.clock.advance(8 * 24 * 3600_000);
    expect(housekeeping(panel.app.services, panel.clock.now())).toBe(1);
    // The undelivered one stays: its replies are given again if the platform redelivers it.
    expect(panel.app.engine.handle(undelivered).length).toBeGreaterThan(0);
  });
});

describe('yes, no and go on', () => {
  it('are understood in any of the four languages, whatever language was chosen', () => {
    panel = testPanel();
    const [code] = panel.invite(1, 'nl');
    const piet = panel.user('piet');
    for (const answer of ['Nederlands', code!]) piet.says(answer);
    expect(piet.says('ok')).toContain('Gaat u ermee akkoord');
    expect(piet.says('oui')).toContain('Wat is uw voornaam?');
  });
});
