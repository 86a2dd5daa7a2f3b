// Nobody is stranded: the paths where people typing naturally used to get stuck, played in French,
// Dutch and German. Each ends with an answer or a person.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { alerts, conversations, registrations, ticketMessages, tickets } from '../../src/db/schema/index';
import type { Language } from '../../src/core/panel/config';
import { outbox } from '../../src/db/schema/index';
import { answerHeldMessages } from '../../src/core/conversation/held';
import { formatCode } from '../../src/core/registration/invitation-code';

let panel: TestPanel;
afterEach(() => panel?.close());

interface Words {
  language: string;
  yes: string;
  okay: string;
  cancel: string;
  dateInWords: string;
  gender: string;
  first: string;
  last: string;
  lostLetter: string;
  /** The same typed quickly: no apostrophe, no capitals (16 letters without spaces: the shape of a code). */
  lostLetterPlain: string[];
  noCode: string;
  urgent: string;
  question: string;
  greeting: string;
}

const WORDS: Record<'fr' | 'nl' | 'de', Words> = {
  fr: { language: 'Français', yes: 'oui', okay: "d'accord", cancel: 'annuler', dateInWords: 'le 1er avril 1985', gender: 'je suis une femme', first: 'Élodie', last: 'Dupont', lostLetter: "J'ai perdu ma lettre", lostLetterPlain: ['j ai perdu ma lettre', 'jai perdu ma lettre', 'lettre perdue'], noCode: "Comment puis-je m'inscrire sans code ?", urgent: 'Je suis malade', question: 'Y a-t-il une garde des enfants ?', greeting: 'Bonjour !' },
  nl: { language: 'Nederlands', yes: 'ja', okay: 'akkoord', cancel: 'annuleren', dateInWords: '1 april 1985', gender: 'vrouwelijk', first: 'Joke', last: 'Janssens', lostLetter: 'Ik ben mijn brief kwijt', lostLetterPlain: ['brief kwijt', 'ik heb geen brief'], noCode: 'Hoe kan ik mij inschrijven zonder code?', urgent: 'Ik ben ziek', question: 'Is er kinderopvang?', greeting: 'Goedendag' },
  de: { language: 'Deutsch', yes: 'ja', okay: 'einverstanden', cancel: 'abbrechen', dateInWords: '1. April 1985', gender: 'Ich bin eine Frau', first: 'Jürgen', last: 'Schmitz', lostLetter: 'Ich habe meinen Brief verloren', lostLetterPlain: ['brief verloren', 'hab keinen brief'], noCode: 'Wie kann ich mich ohne Code anmelden?', urgent: 'Ich habe mich verlaufen', question: 'Gibt es Kinderbetreuung?', greeting: 'Guten Tag' },
};
const PHONE = '+32 2 000 00 00';

for (const lng of ['fr', 'nl', 'de'] as const) {
  describe(`nobody is stranded, in ${lng}`, () => {
    const w = WORDS[lng];
    const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t(lng as Language, key, params);

    it('a lost letter at the code step: the team is asked to find the code, the person is told what happens next', () => {
      panel = testPanel();
      const u = panel.user(`lost-${lng}`);
      u.sends({ kind: 'start' });
      expect(u.says(w.language)).toContain(t('registration:code.ask'));
      expect(u.says(w.lostLetter)).toContain(t('registration:lostLetter.ask'));
      const done = u.says('Rue de la Loi 16, 1000 Bruxelles');
      expect(done).toContain(t('registration:lostLetter.done', { ref: '#1', phone: PHONE }));
      const ticket = panel.app.db.select().from(tickets).get()!;
      expect(ticket.status).toBe('open');
      expect(panel.app.db.select().from(ticketMessages).get()!.text).toMatch(/^Lost or missing letter/);
      // "How can I register without a code?" takes the same path.
      expect(u.says(w.noCode)).toContain(t('registration:lostLetter.ask'));
    });

    it('a lost letter typed without apostrophe or capitals takes the same path, not the urgent one', () => {
      panel = testPanel();
      for (const [i, typed] of w.lostLetterPlain.entries()) {
        const u = panel.user(`plain-lost-${lng}-${i}`);
        u.sends({ kind: 'start' });
        u.says(w.language);
        const answer = u.says(typed);
        expect(answer, typed).toContain(t('registration:lostLetter.ask'));
        expect(answer, typed).not.toContain(t('registration:code.format'));
      }
      expect(panel.app.db.select().from(tickets).all().filter((k) => k.urgent)).toEqual([]);
      expect(panel.app.db.select().from(alerts).all()).toEqual([]);
    });

    it('a wrong code says how to reach a person; two wrong dates offer a person', () => {
      panel = testPanel();
      const [code] = panel.invite(1, lng);
      const u = panel.user(`dates-${lng}`);
      u.sends({ kind: 'start' });
      u.says(w.language);
      const wrong = u.says('ABC');
      expect(wrong).toContain(t('registration:code.format'));
      expect(wrong).toContain(t('common:wayOut', { phone: PHONE }));
      for (const answer of [code!, '1', w.yes, w.first, w.last]) u.says(answer);
      const first = u.says('hier');
      expect(first).toContain(t('registration:birthDate.format'));
      expect(first).toContain(t('common:wayOut', { phone: PHONE }));
      expect(first).not.toContain(t('helpline:offer.ask'));
      const second = u.says('31/02/1985');
      expect(second).toContain(t('registration:birthDate.impossible'));
      expect(second).toContain(t('helpline:offer.ask'));
      // Yes: a person is asked to help, and the question stays open.
      const handed = u.says(w.yes);
      expect(handed).toContain(t('common:helplineReceived', { ref: '#1' }));
      expect(handed).toContain(t('registration:birthDate.ask'));
      expect(panel.app.db.select().from(ticketMessages).get()!.text).toContain('registration.birthDate');
      expect(u.says('14/07/1985')).toContain(t('registration:gender.ask'));
    });

    it('an urgent message while a question is pending raises an urgent ticket and an alert, then asks again', () => {
      panel = testPanel();
      const [code] = panel.invite(1, lng);
      const u = panel.user(`urgent-${lng}`);
      u.sends({ kind: 'start' });
      for (const answer of [w.language, code!, '1', w.yes, w.first, w.last, '14/07/1985']) u.says(answer);
      expect(u.last.map((o) => o.text).join()).toContain(t('registration:gender.ask'));
      const reply = u.says(w.urgent);
      expect(reply).toContain(t('helpline:urgent', { ref: '#1', phone: PHONE }));
      expect(reply).toContain(t('registration:gender.ask'));
      expect(panel.app.db.select().from(tickets).get()).toMatchObject({ urgent: true, status: 'open' });
      expect(panel.app.db.select().from(alerts).all().map((a) => a.kind)).toContain('urgent_message');
      // The gender was not taken from the urgent message.
      expect(u.says('1')).toContain(t('registration:postcode.ask'));
    });

    it('a greeting in one language chooses it; words that name no language ask again, without the whole greeting', () => {
      panel = testPanel();
      const lost = panel.user(`greet-x-${lng}`);
      const welcome = lost.sends({ kind: 'start' });
      const again = lost.says('???');
      expect(again).toContain(t('common:welcomeInvalid'));
      expect(again).not.toContain(t('common:welcome', { panel: panel.app.services.config.panel.name[lng] }));
      expect(welcome).toContain(t('common:welcome', { panel: panel.app.services.config.panel.name[lng] }));
      const u = panel.user(`greet-${lng}`);
      u.sends({ kind: 'start' });
      const reply = u.says(w.greeting);
      expect(reply).toContain(t('common:languageChosen'));
      expect(reply).toContain(t('registration:code.ask'));
    });

    it('a question typed where a name is asked is heard, not stored as the name', () => {
      panel = testPanel();
      const [code] = panel.invite(1, lng);
      const u = panel.user(`question-${lng}`);
      u.sends({ kind: 'start' });
      for (const answer of [w.language, code!, '1', w.yes, w.first]) u.says(answer);
      const reply = u.says(w.question);
      expect(reply).not.toContain(t('registration:birthDate.ask'));
      expect(reply).toContain(t('helpline:faq.helped'));
      // The person does not say whether it helped: they just give their last name, which is taken.
      expect(u.says(w.last)).toContain(t('registration:birthDate.ask'));
      expect(panel.app.db.select().from(tickets).all()).toEqual([]);
      expect(panel.app.db.select().from(conversations).get()!.data).toContain(`"${w.last}"`);
    });

    it('natural answers: a yes at Continue, a date and a gender in words, and cancel offers to stop', () => {
      panel = testPanel();
      const [code] = panel.invite(1, lng);
      const u = panel.user(`natural-${lng}`);
      u.sends({ kind: 'start' });
      u.says(w.language);
      expect(u.says(code!)).toContain(t('common:continue'));
      // "oui" at the one-button Continue step goes on (the long text is not sent again).
      const consent = u.says(w.yes);
      expect(consent).toContain(t('registration:consent.ask'));
      expect(consent).not.toContain(t('registration:about', { panel: '' }).slice(0, 15));
      expect(u.says(w.okay)).toContain(t('registration:firstName.ask'));
      u.says(w.first);
      u.says(w.last);
      expect(u.says(w.dateInWords)).toContain(t('registration:gender.ask'));
      expect(u.says(w.gender)).toContain(t('registration:postcode.ask'));
      for (const answer of ['1000', '5', '1', '1', '2', '2', '2', '2', '1']) u.says(answer);
      const summary = u.says('0470 12 34 56');
      // French typography puts a no-break space before the colon.
      expect(summary).toContain(`${t('registration:summary.fields.gender')}${lng === 'fr' ? '\u00a0' : ''}: ${t('registration:gender.options.woman')}`);
      expect(summary).toContain(`${t('registration:summary.fields.birthDate')}${lng === 'fr' ? '\u00a0' : ''}:`);
      // Cancel during the registration offers to stop; "no" keeps everything.
      expect(u.says(w.cancel)).toContain(t('registration:stop.ask'));
      expect(u.says('2')).toContain(t('registration:summary.title'));
      expect(u.says('1')).toContain(t('registration:done', { drawDate: '' }).slice(0, 15));
      expect(panel.app.db.select().from(registrations).get()).toMatchObject({ gender: 'woman', genderText: null, birthDate: '1985-04-01' });
    });

    it('a code typed and abandoned is not used up: its owner registers with it later', () => {
      panel = testPanel();
      const [code] = panel.invite(1, lng);
      // A housemate types the code and stops before consenting.
      const housemate = panel.user(`housemate-${lng}`);
      housemate.sends({ kind: 'start' });
      housemate.says(w.language);
      expect(housemate.says(code!)).toContain(t('common:continue'));
      panel.clock.advance(2 * 24 * 3600_000);
      // The owner of the letter types it two days later and registers.
      const owner = panel.user(`owner-${lng}`);
      owner.sends({ kind: 'start' });
      owner.says(w.language);
      const accepted = owner.says(code!);
      expect(accepted).not.toContain(t('registration:code.used', { phone: PHONE, email: 'helpline@example.org' }));
      for (const answer of ['1', w.yes, w.first, w.last, '14/07/1985', '1', '1000', '5', '1', '1', '2', '2', '2', '2', '1', '0470 12 34 56']) owner.says(answer);
      expect(owner.says('1')).toContain(t('registration:done', { drawDate: '' }).slice(0, 15));
      // The housemate coming back is told kindly, with the helpline, and a person is asked to help.
      for (const answer of ['1', w.yes, w.first, w.last, '14/07/1985', '1', '1000', '5', '1', '1', '2', '2', '2', '2', '1', '0470 12 34 57']) housemate.says(answer);
      expect(housemate.says('1')).toContain(t('registration:code.takenMeanwhile', { ref: '#1', phone: PHONE }));
      expect(panel.app.db.select().from(registrations).all()).toHaveLength(1);
      expect(panel.app.db.select().from(tickets).get()).toMatchObject({ status: 'open' });
    });

    it("errors the engine says itself (empty, unknown command, stale button, edited message) say how to reach a person", () => {
      panel = testPanel();
      const u = panel.user(`errors-${lng}`);
      u.sends({ kind: 'start' });
      u.says(w.language);
      const wayOut = t('common:wayOut', { phone: PHONE });
      const cases: Array<[string, string]> = [
        [u.says('   '), t('common:errors.empty')],
        [u.says('/nonsense'), t('common:errors.unknownCommand', { command: '/nonsense' })],
        [u.sends({ kind: 'choice', choiceId: 'welcome.choose:fr' }), t('common:errors.staleButton')],
        [u.sends({ kind: 'unsupported', what: 'edited' }), t('common:errors.edited')],
      ];
      for (const [reply, error] of cases) {
        expect(reply).toContain(error);
        expect(reply).toContain(wayOut);
        expect(reply).toContain(t('registration:code.ask')); // and the question again
      }
    });

    it('a burst past the flood limit loses no answer: told once, the last message is answered after the pause', () => {
      panel = testPanel();
      const [code] = panel.invite(1, lng);
      const u = panel.user(`burst-${lng}`);
      u.sends({ kind: 'start' });
      u.says(w.language);
      // Thirty messages within a minute (the clock does not move), then the code.
      let seq = 0;
      const quick = (text: string) => panel.app.engine.handle({ address: { channel: 'console', userId: `burst-${lng}` }, messageId: `burst-${++seq}`, content: { kind: 'text', text } });
      for (let i = 0; i < 28; i++) quick(t('common:commands.help').split('|')[0]!);
      const told = quick(code!);
      expect(told.map((o) => o.text).join()).toContain(t('common:errors.flood'));
      expect(told.map((o) => o.text).join()).toContain(t('common:wayOut', { phone: PHONE }));
      expect(quick(code!)).toEqual([]);
      // After the pause the scheduler answers the last message through the outbox.
      panel.clock.advance(61_000);
      expect(answerHeldMessages(panel.app.engine)).toBe(1);
      const queued = panel.app.db.select().from(outbox).all().map((r) => JSON.parse(r.payload).outbound.text as string);
      expect(queued.join()).toContain(formatCode(code!));
      // The conversation went on from there.
      expect(u.says(w.yes)).toContain(t('registration:consent.ask'));
    });

    it('a message held by the flood limit is answered first when the person writes again before the scheduler runs', () => {
      panel = testPanel();
      const [code] = panel.invite(1, lng);
      const u = panel.user(`burst2-${lng}`);
      u.sends({ kind: 'start' });
      u.says(w.language);
      let seq = 0;
      const quick = (text: string) => panel.app.engine.handle({ address: { channel: 'console', userId: `burst2-${lng}` }, messageId: `b2-${++seq}`, content: { kind: 'text', text } });
      for (let i = 0; i < 28; i++) quick(t('common:commands.help').split('|')[0]!);
      expect(quick(code!).map((o) => o.text).join()).toContain(t('common:errors.flood'));
      panel.clock.advance(61_000);
      // The held code is read before the new message, which then answers the next question.
      const reply = u.says(w.yes);
      expect(reply).toContain(formatCode(code!));
      expect(reply).toContain(t('registration:consent.ask'));
    });

    it('a voice note gets a kind answer with the phone number, and the question again', () => {
      panel = testPanel();
      const u = panel.user(`voice-${lng}`);
      u.sends({ kind: 'start' });
      u.says(w.language);
      const reply = u.sends({ kind: 'unsupported', what: 'voice' });
      expect(reply).toContain(t('common:errors.unsupported', { phone: PHONE }));
      expect(reply).toContain(t('registration:code.ask'));
    });
  });
}
