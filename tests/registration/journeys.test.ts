// Whole registrations in French, Dutch and German through the core: a wrong answer at every step,
// a pause and a resume in a new process, and a correction from the summary.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registrations } from '../../src/db/schema/index';
import type { Language } from '../../src/core/panel/config';
import { panelbot } from '../helpers/run-cli';

let panel: TestPanel;
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
    it('corrects a wrong answer at every step, survives a pause in another process, and confirms', () => {
      panel = testPanel();
      const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t(lng as Language, key, params);
      const w = WORDS[lng];
      const [code] = panel.invite(1, lng === 'de' ? 'fr+de' : lng);
      let u = panel.user(`citizen-${lng}`);

      u.sends({ kind: 'start' });
      expect(u.says(w.language)).toContain(t('registration:code.ask'));
      expect(u.says('ABC')).toContain(t('registration:code.format'));
      expect(u.says(code!)).toContain(t('registration:code.accepted', { code: `${code!.slice(0, 3)}-${code!.slice(3, 6)}-${code!.slice(6)}` }));
      expect(u.says('peut-être')).toContain(t('common:errors.chooseOne', { count: 1 }));
      expect(u.says('1')).toContain(t('registration:consent.ask'));
      expect(u.says('blabla')).toContain(t('common:errors.chooseOne', { count: 2 }));
      expect(u.says(w.yes)).toContain(t('registration:firstName.ask'));
      expect(u.says('007')).toContain(t('registration:firstName.invalid'));
      expect(u.says(w.name[0])).toContain(t('registration:lastName.ask'));

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

      expect(u.says('hier')).toContain(t('registration:birthDate.format'));
      expect(u.says('30/02/1985')).toContain(t('registration:birthDate.impossible'));
      expect(u.says('14-07-1985')).toContain(t('registration:gender.ask'));
      expect(u.says('123')).toContain(t('registration:gender.invalid'));
      expect(u.says('2')).toContain(t('registration:postcode.ask'));
      expect(u.says('B-10')).toContain(t('registration:postcode.invalid'));
      expect(u.says('4730')).toContain(t('registration:education.ask'));
      expect(u.says('12')).toContain(t('common:errors.chooseOne', { count: 7 }));
      expect(u.says('4')).toContain(t('registration:nationality.ask'));
      expect(u.says('9')).toContain(t('common:errors.chooseOne', { count: 3 }));
      expect(u.says('1')).toContain(t('registration:euVote.ask'));
      expect(u.says('x')).toContain(t('common:errors.chooseOne', { count: 3 }));
      expect(u.says('1')).toContain(t('registration:exclusion.office'));
      expect(u.says('bof')).toContain(t('common:errors.chooseOne', { count: 2 }));
      expect(u.says(w.no)).toContain(t('registration:exclusion.party'));
      expect(u.says(w.no)).toContain(t('registration:exclusion.diplomat'));
      expect(u.says(w.no)).toContain(t('registration:exclusion.organiser'));
      expect(u.says(w.no)).toMatch(/Egmont|20/);
      expect(u.says('x')).toContain(t('common:errors.chooseOne', { count: 2 }));
      expect(u.says(w.yes)).toContain(t('registration:contact.ask'));
      expect(u.says('123')).toContain(t('registration:contact.phone'));
      const summary = u.says('+32 470 98 76 54');
      expect(summary).toContain(t('registration:summary.title'));
      expect(summary).toContain(`${t('registration:summary.fields.firstName')}: ${w.name[0]}`);
      expect(summary).toContain('+32470987654');

      // A correction from the summary.
      expect(u.says('2')).toContain(t('registration:summary.pick'));
      expect(u.says('1')).toContain(t('registration:firstName.ask'));
      expect(u.says(w.newName)).toContain(`${t('registration:summary.fields.firstName')}: ${w.newName}`);
      expect(u.says('1')).toContain(t('registration:done', { drawDate: '' }).slice(0, 20));

      const row = panel.app.db.select().from(registrations).get()!;
      expect(row).toMatchObject({ status: 'registered', firstName: w.newName, lastName: w.name[1], birthDate: '1985-07-14', gender: 'man', postcode: '4730', germanCommunity: true, phone: '+32470987654' });
    });

    it('a deep link, a used code and an excluded person, in this language', () => {
      panel = testPanel();
      const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t(lng as Language, key, params);
      const w = WORDS[lng];
      const [code] = panel.invite(1, lng);
      // The letter's link opens the registration with its code: no code question.
      const a = panel.user(`link-${lng}`, 'telegram');
      expect(a.sends({ kind: 'start', payload: code! })).toMatch(/^(Bienvenue|Welkom|Willkommen)/);
      const after = a.says('1');
      expect(after).toContain(t('common:languageChosen'));
      expect(after).toContain(t('common:continue'));
      expect(after).not.toContain(t('registration:code.ask'));
      // A diplomat is told why, in their language, and only the reason is kept.
      for (const answer of ['1', w.yes, w.name[0], w.name[1], '01/01/1970', '1', '1000', '5', '1', '1', w.no, w.no]) a.says(answer);
      expect(a.says(w.yes)).toContain(t('registration:ineligible.excluded_diplomat'));
      expect(panel.app.db.select().from(registrations).get()).toMatchObject({ status: 'ineligible', ineligibleReason: 'excluded_diplomat', firstName: null });
      // The same code typed by someone else once it is used: refused kindly, with the helpline.
      const b = panel.user(`other-${lng}`);
      b.says(w.language);
      expect(b.says(code!)).toContain(t('registration:code.used', { phone: '+32 2 000 00 00', email: 'helpline@example.org' }));
    });
  });
}
