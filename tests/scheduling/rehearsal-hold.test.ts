// Rehearsing (--now) without --rehearsal-send: what the outbox would send on Telegram or WhatsApp is
// recorded as skipped ('rehearsal'), never sent, and never left pending for a later real run to send
// at the wrong moment. The terminal chat still shows its people their messages.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import type { ChannelSender } from '../../src/core/outbox/ports';
import type { ChannelKind, Outbound } from '../../src/core/conversation/messages';
import { heldForRehearsal } from '../../src/bots/rehearsal-hold';
import { enqueue } from '../../src/db/repos/outbox';
import { findPersonByAddress } from '../../src/db/repos/people';
import { outbox } from '../../src/db/schema/index';

let panel: TestPanel;
afterEach(() => panel?.close());

/** A platform that records what reaches it. */
function platform(channel: ChannelKind): ChannelSender & { got: Array<{ userId: string; text: string }> } {
  const got: Array<{ userId: string; text: string }> = [];
  return { channel, got, isReady: () => true, send: async (userId: string, message: Outbound) => (got.push({ userId, text: message.text }), { ok: true }) };
}

describe('a rehearsal holds the real channels', () => {
  it('records their messages as skipped "rehearsal"; a later real run sends none of them; the terminal chat still gets its own', async () => {
    panel = testPanel({ now: '2027-02-01T10:00:00+01:00' });
    const { db } = panel.app;
    panel.user('4711', 'telegram').says('English');
    panel.user('32470000001@c.us', 'whatsapp').says('English');
    panel.user('carla', 'console').says('English');
    const now = panel.clock.now();
    const ids = [
      findPersonByAddress(db, { channel: 'telegram', userId: '4711' })!.id,
      findPersonByAddress(db, { channel: 'whatsapp', userId: '32470000001@c.us' })!.id,
      findPersonByAddress(db, { channel: 'console', userId: 'carla' })!.id,
    ];
    for (const personId of ids) {
      enqueue(db, { personId, kind: 'broadcast', payload: { outbound: { text: 'The venue has changed.' } }, dueAt: now, idempotencyKey: `news:${personId}` }, now);
    }

    const telegram = platform('telegram');
    const whatsapp = platform('whatsapp');
    const terminal = platform('console');
    // As `serve --now` runs it: Telegram and WhatsApp not started, held in their place.
    const rehearsal = new Dispatcher({ services: panel.app.services, senders: [heldForRehearsal('telegram'), heldForRehearsal('whatsapp'), terminal] });
    const report = await rehearsal.tick();
    expect(report).toMatchObject({ sent: 1, skipped: 2 });
    expect(telegram.got).toEqual([]);
    expect(whatsapp.got).toEqual([]);
    expect(terminal.got).toEqual([{ userId: 'carla', text: 'The venue has changed.' }]);
    const rows = db.select().from(outbox).where(eq(outbox.kind, 'broadcast')).all();
    expect(rows.map((r) => `${r.status} ${r.skipReason ?? ''}`.trim())).toEqual(['skipped rehearsal', 'skipped rehearsal', 'sent']);

    // The real run afterwards (no --now): nothing of the rehearsal goes out, late.
    const real = new Dispatcher({ services: panel.app.services, senders: [telegram, whatsapp, terminal] });
    panel.clock.advance(3_600_000);
    expect(await real.tick()).toMatchObject({ claimed: 0, sent: 0 });
    expect(telegram.got).toEqual([]);
    expect(whatsapp.got).toEqual([]);
  });
});
