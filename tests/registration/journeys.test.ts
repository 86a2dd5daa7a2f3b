// Whole registrations in French, Dutch and German through the core: a wrong answer at every step,
// a pause and a resume in a new process, and a correction from the summary.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registrations } from '../../src/db/schema/index';
import type { Language } from '../../src/core/panel/config';
import { panelbot } from '../helpers/run-cli';

let panel: TestPanel;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
afterEach(() => panel?.close());

interface Words {
  language: string;
  yes: string;
  no: string;
  name: [string, string];
  newName: string;
}

const WORDS: Record<'fr' | 'nl' | 'de', Words> = {
  fr: { language: 'Français', yes: 'oui', no: 'non', name: ['Élodie', 'Dupont'], newName: 'Élise' },
  nl: { language: 'Nederlands', yes: 'ja', no: 'nee', name: ['Joke', 'Janssens'], newName: 'Johanna' },
  de: { language: 'Deutsch', yes: 'ja', no: 'nein', name: ['Jürgen', 'Schmitz'], newName: 'Jörg' },
};

for (const lng of ['fr', 'nl', 'de'] as const) {
  describe(`registering in ${lng}`, () => {
    it('corrects a wrong answer at every step, survives a pause in another process, and confirms', async () => {
      panel = testPanel();
      const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t(lng as Language, key, params);
      // Each reply on its own, in order: a question begins with its text (its choices follow); an
      // error says what is wrong (with the way to a person after it).
      const asks = (key: string, params?: Record<string, unknown>) => expect.stringMatching(new RegExp(`^${escape(t(key, params))}(\\n|$)`));
      const says = (key: string, params?: Record<string, unknown>) => expect.stringContaining(t(key, params));
      const w = WORDS[lng];
      const [code] = panel.invite(1, lng === 'de' ? 'fr+de' : lng);
      let u = panel.user(`citizen-${lng}`);

      expect(await u.tells({ kind: 'start' })).toHaveLength(1);
      expect(await u.tells(w.language)).toEqual([t('common:languageChosen'), t('registration:code.ask')]);
      expect(await u.tells('ABC')).toEqual([says('registration:code.format'), t('registration:code.ask')]);
      const about = await u.tells(code!);
      expect(about).toEqual([t('registration:code.accepted', { code: `${code!.slice(0, 3)}-${code!.slice(3, 6)}-${code!.slice(6)}` }), expect.stringContaining(t('common:continue'))]);
      expect(await u.tells('peut-être')).toEqual([says('common:errors.chooseOne', { count: 1 }), about[1]]);
      expect(await u.tells('1')).toEqual([asks('registration:consent.ask')]);
      expect(await u.tells('blabla')).toEqual([says('common:errors.chooseOne', { count: 2 }), asks('registration:consent.ask')]);
      expect(await u.tells(w.yes)).toEqual([t('registration:firstName.ask')]);
      expect(await u.tells('007')).toEqual([says('registration:firstName.invalid'), t('registration:firstName.ask')]);
      expect(await u.tells(w.name[0])).toEqual([t('registration:lastName.ask')]);

      // A pause of three days: panelbot stops, and the person comes back in a new process
      // (the terminal chat is the same console identity), then panelbot runs on again.
      panel.clock.advance(3 * 24 * 3600_000);
      panel.close();
      const later = panelbot(['--db', panel.dbPath, 'chat', '--user', `citizen-${lng}`], { input: `#!\n${w.name[1]}\n` });
      expect(later.code).toBe(0);
      expect(later.stdout).toContain(t('common:welcomeBack'));
      expect(later.stdout).toContain(t('registration:lastName.invalid'));
      expect(later.stdout).toContain(t('registration:birthDate.ask'));
      panel = panel.reopen();
      u = panel.user(`citizen-${lng}`);

      // A second wrong answer in a row offers a person instead of asking again.
      expect(await u.tells('hier')).toEqual([says('registration:birthDate.format'), t('registration:birthDate.ask')]);
      expect(await u.tells('30/02/1985')).toEqual([says('registration:birthDate.impossible'), asks('helpline:offer.ask')]);
      expect(await u.tells('14-07-1985')).toEqual([asks('registration:gender.ask')]);
      expect(await u.tells('123')).toEqual([says('registration:gender.invalid'), asks('registration:gender.ask')]);
      expect(await u.tells('2')).toEqual([t('registration:postcode.ask')]);
      expect(await u.tells('B-10')).toEqual([says('registration:postcode.invalid'), t('registration:postcode.ask')]);
      expect(await u.tells('4730')).toEqual([asks('registration:education.ask')]);
      expect(await u.tells('12')).toEqual([says('common:errors.chooseOne', { count: 7 }), asks('registration:education.ask')]);
      expect(await u.tells('4')).toEqual([asks('registration:nationality.ask')]);
      expect(await u.tells('9')).toEqual([says('common:errors.chooseOne', { count: 3 }), asks('registration:nationality.ask')]);
      expect(await u.tells('1')).toEqual([asks('registration:euVote.ask')]);
      expect(await u.tells('x')).toEqual([says('common:errors.chooseOne', { count: 3 }), asks('registration:euVote.ask')]);
      expect(await u.tells('1')).toEqual([asks('registration:exclusion.office')]);
      expect(await u.tells('bof')).toEqual([says('common:errors.chooseOne', { count: 2 }), asks('registration:exclusion.office')]);
      expect(await u.tells(w.no)).toEqual([asks('registration:exclusion.party')]);
      expect(await u.tells(w.no)).toEqual([asks('registration:exclusion.diplomat')]);
      expect(await u.tells(w.no)).toEqual([asks('registration:exclusion.organiser')]);
      const availability = await u.tells(w.no);
      expect(availability).toEqual([expect.stringMatching(/Egmont|20/)]);
      expect(await u.tells('x')).toEqual([says('common:errors.chooseOne', { count: 2 }), availability[0]]);
      expect(await u.tells(w.yes)).toEqual([t('registration:contact.ask')]);
      expect(await u.tells('123')).toEqual([says('registration:contact.phone'), t('registration:contact.ask')]);
      const summary = await u.tells('+32 470 98 76 54');
      expect(summary).toEqual([asks('registration:summary.title')]);
      // French typography: a no-break space before the colon.
      expect(summary[0]).toContain(`${t('registration:summary.fields.firstName')}${lng === 'fr' ? '\u00a0' : ''}: ${w.name[0]}\n`);
      expect(summary[0]).toContain('+32 470 98 76 54'); // grouped as people read it, stored as +32470987654

      // A correction from the summary.
      expect(await u.tells('2')).toEqual([asks('registration:summary.pick')]);
      expect(await u.tells('1')).toEqual([t('registration:firstName.ask')]);
      expect(await u.tells(w.newName)).toEqual([expect.stringContaining(`${t('registration:summary.fields.firstName')}${lng === 'fr' ? '\u00a0' : ''}: ${w.newName}\n`)]);
      expect(await u.tells('1')).toEqual([expect.stringContaining(t('registration:done', { drawDate: '' }).slice(0, 20))]);

      const row = panel.app.db.select().from(registrations).get()!;
      expect(row).toMatchObject({ status: 'registered', firstName: w.newName, lastName: w.name[1], birthDate: '1985-07-14', gender: 'man', postcode: '4730', germanCommunity: true, phone: '+32470987654' });
    });

    it('a deep link, a used code and an excluded person, in this language', async () => {
      panel = testPanel();
      const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t(lng as Language, key, params);
      const w = WORDS[lng];
      const [code] = panel.invite(1, lng);
      // The letter's link opens the registration with its code: no code question.
      const a = panel.user(`link-${lng}`, 'telegram');
      expect(await a.tells({ kind: 'start', payload: code! })).toEqual([expect.stringMatching(/^(Bienvenue|Welkom|Willkommen)/)]);
      const after = await a.tells('1');
      const accepted = t('registration:code.accepted', { code: `${code!.slice(0, 3)}-${code!.slice(3, 6)}-${code!.slice(6)}` });
      expect(after).toEqual([t('common:languageChosen'), accepted, expect.stringContaining(t('common:continue'))]);
      expect(after.join('\n')).not.toContain(t('registration:code.ask'));
      // A diplomat is told why, in their language, and only the reason is kept.
      for (const answer of ['1', w.yes, w.name[0], w.name[1], '01/01/1970', '1', '1000', '5', '1', '1', w.no, w.no]) await a.tells(answer);
      expect(await a.tells(w.yes)).toEqual([expect.stringContaining(t('registration:confirmEnd.ask'))]);
      expect(await a.tells(w.yes)).toEqual([t('registration:ineligible.excluded_diplomat', { age: 16, phone: '+32 2 000 00 00', email: 'helpline@example.org' })]);
      expect(panel.app.db.select().from(registrations).get()).toMatchObject({ status: 'ineligible', ineligibleReason: 'excluded_diplomat', firstName: null });
      // The same code typed by someone else once it is used: refused kindly, with the helpline.
      const b = panel.user(`other-${lng}`);
      expect(await b.tells(w.language)).toEqual([t('common:languageChosen'), t('registration:code.ask')]);
      expect(await b.tells(code!)).toEqual([expect.stringContaining(t('registration:code.used', { phone: '+32 2 000 00 00', email: 'helpline@example.org' })), t('registration:code.ask')]);
    });
  });
}
