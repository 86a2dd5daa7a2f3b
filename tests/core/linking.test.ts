// One person across channels: a one-time link code asked for in one app and sent from another
// joins that address to the same person; messages then go to the address used last.
import { describe, expect, it } from 'vitest';
import { testPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { addressesOf, findPersonByAddress } from '../../src/db/repos/people';

const CODE = /\b([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\b/;

describe('link codes', () => {
  it('continues a registered person\'s conversation in another app, once', () => {
    const panel = testPanel();
    const t = (key: string) => panel.app.services.i18n.t('en', key, { phone: panel.app.services.config.helpline.phone });
    const ann = registered(panel, 'ann');
    const asked = ann.says('link');
    const code = CODE.exec(asked)?.[1];
    expect(code, asked).toBeDefined();

    const onTelegram = panel.user('4242', 'telegram');
    expect(onTelegram.says(code!.toLowerCase())).toContain(t('linking:linked'));
    const { db } = panel.app;
    const person = findPersonByAddress(db, { channel: 'console', userId: 'ann' })!;
    expect(findPersonByAddress(db, { channel: 'telegram', userId: '4242' })?.id).toBe(person.id);
    // The address used last comes first: the outbox sends there.
    expect(addressesOf(db, person.id)[0]).toMatchObject({ channel: 'telegram', userId: '4242' });
    // "my data" on Telegram is Ann's.
    expect(onTelegram.says('my data')).toContain('Peeters');

    // Used once: a second app sending the same code is a new person in the welcome.
    const other = panel.user('777', 'telegram');
    expect(other.says(code!)).not.toContain(t('linking:linked'));
    expect(findPersonByAddress(db, { channel: 'telegram', userId: '777' })?.id).not.toBe(person.id);
    panel.close();
  });

  it('works from a deep link, expires after 30 minutes, and never moves an address that holds a registration', () => {
    const panel = testPanel();
    const t = (key: string) => panel.app.services.i18n.t('en', key, { phone: panel.app.services.config.helpline.phone });
    const ann = registered(panel, 'ann');
    const viaLink = CODE.exec(ann.says('link'))![1]!.replace('-', '');
    expect(panel.user('web-1', 'web').sends({ kind: 'start', payload: `link-${viaLink}` })).toContain(t('linking:linked'));

    const late = CODE.exec(ann.says('link'))![1]!;
    panel.clock.advance(31 * 60_000);
    expect(panel.user('web-2', 'web').says(late)).not.toContain(t('linking:linked'));

    const bob = registered(panel, 'bob');
    const fresh = CODE.exec(ann.says('link'))![1]!;
    expect(bob.says(fresh)).toContain(t('linking:refused'));
    const { db } = panel.app;
    expect(findPersonByAddress(db, { channel: 'console', userId: 'bob' })?.id).not.toBe(findPersonByAddress(db, { channel: 'console', userId: 'ann' })?.id);
    panel.close();
  });
});
