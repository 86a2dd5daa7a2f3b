// Easy-read, played in French, Dutch and German: a person asks for simpler messages and gets the
// easy-read version of the texts that follow (kept across a restart and in what the outbox sends
// later), until they ask for normal text again; a letter imported as easy-read starts so.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { cli } from '../helpers/run-cli';
import { RecordingSender } from '../scheduling/helpers';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { enqueue } from '../../src/db/repos/outbox';
import { generateCode, formatCode } from '../../src/core/registration/invitation-code';
import { createTranslator } from '../../src/core/conversation/i18n';
import { invitations, people } from '../../src/db/schema/index';
import type { Language } from '../../src/core/panel/config';

let panel: TestPanel;
afterEach(() => {
  panel?.close();
  vi.restoreAllMocks();
});

const WORDS = {
  fr: { language: 'Français', easy: 'simple', normal: 'texte normal', erase: 'oubliez-moi', cancel: 'annuler' },
  nl: { language: 'Nederlands', easy: 'eenvoudig', normal: 'normale tekst', erase: 'vergeet mij', cancel: 'annuleren' },
  de: { language: 'Deutsch', easy: 'einfach', normal: 'normaler Text', erase: 'vergiss mich', cancel: 'abbrechen' },
} as const;

for (const lng of ['fr', 'nl', 'de'] as const) {
  describe(`easy-read in ${lng}`, () => {
    const w = WORDS[lng];
    const t = (key: string, easy = false) => panel.app.services.i18n.t(lng as Language, key, undefined, easy);
    // A text that has an easy-read version in every language (the rights namespace was written first).
    const ERASE_ASK = 'rights:erase.ask';

    it(`"${w.easy}" switches to easy-read until "${w.normal}", and the choice survives a restart`, () => {
      panel = testPanel();
      expect(t(ERASE_ASK, true)).not.toBe(t(ERASE_ASK)); // the test needs a text whose easy version differs
      const u = panel.user(`easy-${lng}`);
      u.sends({ kind: 'start' });
      expect(u.says(w.language)).toContain(t('registration:code.ask'));

      const on = u.says(w.easy);
      expect(on).toContain(t('common:easyRead.on', true));
      expect(on).toContain(t('registration:code.ask', true)); // and the pending question again

      panel = panel.reopen();
      const again = panel.user(`easy-${lng}`);
      const asked = again.says(w.erase);
      expect(asked).toContain(t(ERASE_ASK, true));
      expect(asked).not.toContain(t(ERASE_ASK));
      again.says(w.cancel);

      expect(again.says(w.normal)).toContain(t('common:easyRead.off'));
      const normal = again.says(w.erase);
      expect(normal).toContain(t(ERASE_ASK));
      expect(normal).not.toContain(t(ERASE_ASK, true));
    });

    it('a letter imported as easy-read starts the conversation in easy-read; a person who chose normal text keeps it', async () => {
      panel = testPanel();
      const [easyCode, otherEasyCode, plainCode] = [generateCode(), generateCode(), generateCode()];
      const c = cli(panel.dbPath);
      const csv = `code,language,easy_read\n${formatCode(easyCode)},${lng},yes\n${formatCode(otherEasyCode)},${lng},1\n${formatCode(plainCode)},${lng},\n`;
      expect(await c.run('invitations', 'import', c.file('letters.csv', csv))).toBe(0);
      expect(panel.app.db.select().from(invitations).where(eq(invitations.code, easyCode)).get()!.easyRead).toBe(true);
      expect(panel.app.db.select().from(invitations).where(eq(invitations.code, plainCode)).get()!.easyRead).toBe(false);

      const reader = panel.user(`letter-${lng}`);
      reader.sends({ kind: 'start' });
      reader.says(w.language);
      reader.says(easyCode);
      expect(reader.says(w.erase)).toContain(t(ERASE_ASK, true));

      // Someone who asked for normal text before typing an easy-read letter's code keeps normal text.
      const chooser = panel.user(`chooser-${lng}`);
      chooser.sends({ kind: 'start' });
      chooser.says(w.language);
      chooser.says(w.normal);
      chooser.says(otherEasyCode);
      expect(chooser.says(w.erase)).toContain(t(ERASE_ASK));

      // A normal letter: normal text.
      const plain = panel.user(`plain-${lng}`);
      plain.sends({ kind: 'start' });
      plain.says(w.language);
      plain.says(plainCode);
      expect(plain.says(w.erase)).toContain(t(ERASE_ASK));
    });

    it('a message queued for later (the outbox) is rendered in easy-read at send time', async () => {
      panel = testPanel();
      const u = panel.user(`outbox-${lng}`);
      u.sends({ kind: 'start' });
      u.says(w.language);
      u.says(w.easy);
      const person = panel.app.db.select().from(people).get()!;
      const now = panel.clock.now();
      enqueue(panel.app.db, { personId: person.id, kind: 'system', payload: { template: { key: ERASE_ASK } }, dueAt: now, idempotencyKey: 'easy-later' }, now);
      const platform = new RecordingSender(panel.clock);
      await new Dispatcher({ services: panel.app.services, senders: [platform] }).tick();
      expect(platform.to(`outbox-${lng}`).map((d) => d.text)).toEqual([t(ERASE_ASK, true)]);
    });
  });
}

describe('easy-read texts', () => {
  it("fall back to the text itself where no easy-read version was needed, plurals included (i18next's context)", () => {
    const i18n = createTranslator();
    expect(i18n.t('fr', 'common:easyRead.on', undefined, true)).toBe(i18n.t('fr', 'common:easyRead.on'));
    expect(i18n.t('nl', 'common:errors.chooseOne', { count: 3 }, true)).toContain('3');
  });

  it('an unknown easy_read value in the import is refused with its line', async () => {
    panel = testPanel();
    const c = cli(panel.dbPath);
    expect(await c.run('invitations', 'import', c.file('bad.csv', `code,language,easy_read\n${formatCode(generateCode())},fr,maybe\n`))).toBe(1);
    expect(c.errLines().join('\n')).toMatch(/line 2: easy_read "maybe" should be yes or no/);
  });
});
