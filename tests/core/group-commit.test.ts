// Messages that arrive together (a Telegram poll, a burst of webhooks) share one commit, yet each
// is answered as if it had come alone, and a message that fails takes nobody else with it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import type { Inbound } from '../../src/core/conversation/messages';
import { renderPlain } from '../../src/bots/render-text';
import { people, registrations } from '../../src/db/schema/index';
import { eq } from 'drizzle-orm';
import { ENGLISH_ANSWERS } from '../helpers/register';

const panels: TestPanel[] = [];
afterEach(() => {
  while (panels.length) panels.pop()!.close();
});

function open(): TestPanel {
  const panel = testPanel();
  panels.push(panel);
  return panel;
}

const say = (userId: string, text: string, id: string): Inbound => ({ address: { channel: 'console', userId }, messageId: id, content: { kind: 'text', text } });
const texts = (replies: { text: string }[][]) => replies.map((r) => r.map(renderPlain).join('\n\n'));

describe('messages handled together', () => {
  it('five people registering at once get the same answers as one at a time, from one batch per round', async () => {
    const together = open();
    const alone = open();
    const names = ['ann', 'bart', 'chloe', 'dirk', 'emma'];
    const codes = together.invite(names.length, 'nl');
    alone.app.db.$client.prepare('ATTACH DATABASE ? AS other').run(together.dbPath);
    alone.app.db.$client.exec('INSERT INTO invitations SELECT * FROM other.invitations');
    alone.app.db.$client.exec('DETACH DATABASE other');
    const batches = vi.spyOn(together.app.engine, 'handleBatch');

    const rounds = ENGLISH_ANSWERS('x').length;
    for (let round = 0; round < rounds; round++) {
      const inbounds = names.map((name, i) => say(name, ENGLISH_ANSWERS(codes[i]!)[round]!, `${name}-${round}`));
      together.clock.advance(3000);
      alone.clock.advance(3000);
      const submitted = await Promise.all(inbounds.map((m) => together.app.engine.submit(m)));
      const oneByOne = inbounds.map((m) => alone.app.engine.handle(m));
      expect(texts(submitted)).toEqual(texts(oneByOne));
    }
    expect(batches).toHaveBeenCalledTimes(rounds);
    expect(batches.mock.calls.every(([batch]) => batch.length === names.length)).toBe(true);
    const registered = together.app.db.select().from(registrations).where(eq(registrations.status, 'registered')).all();
    expect(registered).toHaveLength(names.length);
  });

  it('a message that fails is rolled back alone: the others of its batch are kept', () => {
    const panel = open();
    // A fault on one message only, raised inside its own writes.
    panel.app.db.$client.exec(`CREATE TEMP TRIGGER fail_one BEFORE INSERT ON inbound_log WHEN NEW.message_id = 'bad' BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    const [ann, bad, carl] = panel.app.engine.handleBatch([say('ann', 'Nederlands', 'a1'), say('bob', 'Français', 'bad'), say('carl', 'Deutsch', 'c1')]);

    expect(ann!.map((r) => r.text).join()).toContain(panel.app.services.i18n.t('nl', 'common:languageChosen'));
    expect(carl!.map((r) => r.text).join()).toContain(panel.app.services.i18n.t('de', 'common:languageChosen'));
    expect(bad).toEqual([{ text: panel.app.services.i18n.t('en', 'common:errors.internal', { phone: '+32 2 000 00 00' }) }]);
    // Bob's message left nothing behind (not even his person); Ann and Carl chose their languages.
    const languages = panel.app.db.select({ language: people.language }).from(people).all().map((p) => p.language);
    expect(languages.sort()).toEqual(['de', 'nl']);

    // Sent again once the fault is gone, Bob's message is handled as if for the first time.
    panel.app.db.$client.exec('DROP TRIGGER fail_one');
    const again = panel.app.engine.handle(say('bob', 'Français', 'bad'));
    expect(again.map((r) => r.text).join()).toContain(panel.app.services.i18n.t('fr', 'common:languageChosen'));
  });

  it('when SQLite ends the whole transaction, nobody in the batch is half-kept and everyone is told', () => {
    const panel = open();
    const first = panel.app.engine.handle(say('ann', 'Nederlands', 'a1'));
    expect(first.length).toBeGreaterThan(0);
    panel.app.db.$client.exec(`CREATE TEMP TRIGGER end_all BEFORE INSERT ON inbound_log WHEN NEW.message_id = 'b1' BEGIN SELECT RAISE(ROLLBACK, 'injected'); END`);
    const replies = panel.app.engine.handleBatch([say('ann', 'hello', 'a2'), say('bob', 'Français', 'b1'), say('carl', 'Deutsch', 'c2')]);

    expect(replies[0]).toEqual([{ text: panel.app.services.i18n.t('nl', 'common:errors.internal', { phone: '+32 2 000 00 00' }) }]);
    expect(replies[1]).toEqual([{ text: panel.app.services.i18n.t('en', 'common:errors.internal', { phone: '+32 2 000 00 00' }) }]);
    expect(replies[2]).toEqual([{ text: panel.app.services.i18n.t('en', 'common:errors.internal', { phone: '+32 2 000 00 00' }) }]);
    // Bob and Carl were created inside the batch: rolled back with it (Carl came after the end).
    expect(panel.app.db.select().from(people).all()).toHaveLength(1);
    panel.app.db.$client.exec('DROP TRIGGER end_all');
    // Ann's message comes again and is answered: it was not recorded as handled.
    expect(panel.app.engine.handle(say('ann', 'hello', 'a2')).length).toBeGreaterThan(0);
  });

  it('a delivery confirmation whose transaction failed is written with the next one', () => {
    const panel = open();
    const m1 = say('ann', 'Nederlands', 'a1');
    panel.app.engine.handle(m1);
    panel.app.engine.delivered(m1);
    panel.app.db.$client.exec(`CREATE TEMP TRIGGER end_all BEFORE INSERT ON inbound_log WHEN NEW.message_id = 'x' BEGIN SELECT RAISE(ROLLBACK, 'injected'); END`);
    panel.app.engine.handle(say('zoe', 'hi', 'x'));
    panel.app.db.$client.exec('DROP TRIGGER end_all');
    panel.app.engine.flushDeliveries();
    // Delivered: a redelivery of the first message is answered with nothing.
    expect(panel.app.engine.handle(m1)).toEqual([]);
  });

  it('messages still waiting when panelbot closes are handled before the store closes', async () => {
    const panel = testPanel();
    const pending = panel.app.engine.submit(say('ann', 'Nederlands', 'a1'));
    panel.close();
    const replies = await pending;
    expect(replies.map((r) => r.text).join()).toContain(panel.app.services.i18n.t('nl', 'common:languageChosen'));
  });
});
