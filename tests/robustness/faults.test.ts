// Faults: the database busy for a while, a platform down for minutes, a full disk for a moment.
// Messages wait and go out later, nothing is lost, and the bot says so when it cannot answer.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { ManualClock } from '../../src/core/panel/clock';
import { tempDbPath } from '../helpers/chat';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { RecordingSender } from '../scheduling/helpers';
import { enqueue } from '../../src/db/repos/outbox';
import { identities, outbox, people } from '../../src/db/schema/index';
import type { Inbound } from '../../src/core/conversation/messages';

let app: App | undefined;
afterEach(() => app?.close());

function message(userId: string, text: string, id: string): Inbound {
  return { address: { channel: 'console', userId }, messageId: id, content: { kind: 'text', text } };
}

describe('faults', () => {
  it('the database busy: the person is told to resend, and nothing given before is lost', () => {
    const dbPath = tempDbPath();
    const clock = new ManualClock('2027-01-15T10:00:00+01:00');
    app = createApp({ dbPath, clock, busyTimeoutMs: 100 });
    const first = app.engine.handle(message('ines', 'Français', 'm1'));
    expect(first.map((r) => r.text).join()).toContain('en français');

    // Another process holds the write lock (a backup, a migration, a stuck tool).
    const other = new Database(dbPath);
    other.exec('BEGIN IMMEDIATE');
    const busy = app.engine.handle(message('ines', 'bonjour', 'm2'));
    expect(busy).toEqual([{ text: app.services.i18n.t('fr', 'common:errors.unavailable', { phone: '+32 2 000 00 00' }) }]);
    other.exec('ROLLBACK');
    other.close();

    // Sent again, the same message is handled normally: it was not half-kept.
    const again = app.engine.handle(message('ines', 'bonjour', 'm2'));
    expect(again.map((r) => r.text).join()).toContain(app.services.i18n.t('fr', 'registration:code.format'));
  });

  it('a full disk for a moment: the person is told, then everything works again', () => {
    const dbPath = tempDbPath();
    app = createApp({ dbPath, clock: new ManualClock('2027-01-15T10:00:00+01:00') });
    app.engine.handle(message('jo', 'Nederlands', 'm1'));
    // SQLite's own limit on the file's size gives the same SQLITE_FULL as a full disk.
    const sqlite = app.db.$client;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const long = 'x'.repeat(1990);
    let failedAt = -1;
    for (let i = 0; i < 200 && failedAt < 0; i++) {
      const replies = app.engine.handle(message(`filler-${i}`, long, `f${i}`)).map((r) => r.text);
      if (replies.includes(app.services.i18n.t('en', 'common:errors.unavailable', { phone: '+32 2 000 00 00' }))) failedAt = i;
    }
    expect(failedAt).toBeGreaterThanOrEqual(0);
    // Room again: the message that failed, sent again, is answered; the earlier conversation is intact.
    sqlite.pragma('max_page_count = 1073741823');
    const retried = app.engine.handle(message(`filler-${failedAt}`, long, `f${failedAt}`)).map((r) => r.text).join();
    expect(retried).toContain('Welcome');
    expect(app.engine.handle(message('jo', 'hallo', 'm2')).map((r) => r.text).join()).toContain(app.services.i18n.t('nl', 'registration:code.format'));
  });

  it('a platform down for minutes: messages wait, then go out once each', async () => {
    const dbPath = tempDbPath();
    const clock = new ManualClock('2027-02-10T10:00:00+01:00');
    app = createApp({ dbPath, clock });
    const now = clock.now();
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) {
      const p = app.db.insert(people).values({ pseudonym: `P-F${i}`, language: 'fr', createdAt: now }).returning({ id: people.id }).get();
      app.db.insert(identities).values({ channel: 'console', userId: `u${i}`, personId: p.id, firstSeenAt: now, lastSeenAt: now }).run();
      enqueue(app.db, { personId: p.id, kind: 'system', payload: { outbound: { text: `message ${i}` } }, dueAt: now, idempotencyKey: `fault:${i}` }, now);
      ids.push(p.id);
    }
    const sender = new RecordingSender(clock);
    const dispatcher = new Dispatcher({ services: app.services, senders: [sender] });
    // Down: the platform answers with a retryable error for ten minutes.
    sender.failWith = { ok: false, permanent: false, reason: 'HTTP 502' };
    for (let minute = 0; minute < 10; minute++) {
      await dispatcher.tick();
      clock.advance(60_000);
    }
    expect(sender.delivered).toHaveLength(0);
    // Back up: everything goes out, each message once.
    sender.failWith = undefined;
    for (let minute = 0; minute < 180; minute++) {
      await dispatcher.tick();
      clock.advance(60_000);
    }
    const texts = sender.delivered.map((d) => d.text).sort();
    expect(texts).toHaveLength(50);
    expect(new Set(texts).size).toBe(50);
    const statuses = app.db.select({ status: outbox.status }).from(outbox).all().map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set(['sent']));
  });
});
