// The registration window (registration.opens / closes, panel time): before it, the opening date and
// a message when it opens; after it, closed, with the helpline and future panels; never a past draw date.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { ENGLISH_ANSWERS } from '../helpers/register';
import { outbox, registrations } from '../../src/db/schema/index';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { RecordingSender } from '../scheduling/helpers';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('the registration window', () => {
  it('before opening: the date, and a message in the person\'s language when it opens', async () => {
    panel = testPanel({ now: '2027-01-02T10:00:00+01:00' });
    const [code] = panel.invite(1, 'nl');
    const early = panel.user('early');
    early.says('English');
    const reply = early.says(code!);
    expect(reply).toContain('Registration opens on Tuesday, 12 January 2027');
    expect(reply).not.toMatch(/draw|Dates:/);
    early.says(code!);
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(1);
    expect(panel.app.db.select().from(registrations).all()).toHaveLength(0);

    const platform = new RecordingSender(panel.clock);
    const dispatcher = new Dispatcher({ services: panel.app.services, senders: [platform] });
    await dispatcher.tick();
    expect(platform.delivered).toEqual([]);
    panel.clock.set('2027-01-12T00:00:30+01:00');
    await dispatcher.tick();
    expect(platform.to('early').map((d) => d.text)).toEqual(["You can now register for the citizens' panel, until Sunday, 31 January 2027. To register, type the code printed on your letter."]);
    // And now the code works.
    expect(early.says(code!)).toContain('is valid');
  });

  it('after closing: closed, with the helpline and future panels, and no draw date', () => {
    panel = testPanel({ now: '2027-02-01T00:00:10+01:00' });
    const [code] = panel.invite(1, 'nl');
    const late = panel.user('late');
    late.says('English');
    const reply = late.says(code!);
    expect(reply).toContain('Registration for this panel is closed');
    expect(reply).toContain('+32 2 000 00 00');
    expect(reply).toContain('future panels');
    expect(reply).not.toMatch(/draw|February 2027/);
    expect(late.says('future panels')).toContain('future citizens');
  });

  it('a registration confirmed after the close is not written', () => {
    panel = testPanel({ now: '2027-01-31T23:50:00+01:00' });
    const [code] = panel.invite(1, 'nl');
    const user = panel.user('last-minute');
    const answers = ENGLISH_ANSWERS(code!);
    for (const a of answers.slice(0, -1)) user.says(a);
    panel.clock.set('2027-02-01T00:05:00+01:00');
    expect(user.says(answers.at(-1)!)).toContain('Registration for this panel is closed');
    expect(panel.app.db.select().from(registrations).all()).toHaveLength(0);
  });

  it('on its last day, registering works', () => {
    panel = testPanel({ now: '2027-01-31T22:00:00+01:00' });
    const [code] = panel.invite(1, 'nl');
    const user = panel.user('in-time');
    for (const a of ENGLISH_ANSWERS(code!)) user.says(a);
    expect(user.last.map((o) => o.text).join()).toContain('The draw takes place on Monday, 1 February 2027');
  });
});
