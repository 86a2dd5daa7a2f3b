// A person's rights in the chat: see, correct, stop, withdraw, delete.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { alerts, conversations, identities, outbox, people, registrations, tickets } from '../../src/db/schema/index';
import { enqueue } from '../../src/db/repos/outbox';
import { SHOWN_IN_SECTIONS } from '../../src/db/repos/privacy';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('rights in the chat', () => {
  it('shows my data, as text and as a JSON file', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    const reply = ann.says('my data');
    expect(reply).toContain('This is what we keep about you');
    expect(reply).toContain('• First name: Ann');
    const file = ann.last.find((o) => o.attachment)?.attachment;
    expect(file?.mimeType).toBe('application/json');
    const data = JSON.parse(file!.content);
    expect(data.registration.firstName).toBe('Ann');
    expect(data.registration.phone).toBe('+32470123456');
    // Typed in another language, it still works.
    expect(ann.says('mijn gegevens')).toContain('This is what we keep');
  });

  it('"my data" holds every table that references the person, also one added later', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    const client = panel.app.db.$client;
    // A table a later version might add, pointing to people: nobody lists it anywhere.
    client.exec('CREATE TABLE dummy_wishes (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people(id) ON DELETE CASCADE, wish TEXT)');
    const me = panel.app.db.select().from(people).get()!;
    client.prepare('INSERT INTO dummy_wishes (person_id, wish) VALUES (?, ?)').run(me.id, 'a window seat');
    ann.says('my data');
    const data = JSON.parse(ann.last.find((o) => o.attachment)!.attachment!.content);
    expect(data.stored.dummy_wishes).toEqual([{ id: 1, wish: 'a window seat' }]);
    // Every table holding a row about Ann is in the export: in a section of its own, or as stored.
    const tables = (client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((t) => t.name);
    const aboutAnn = tables.filter((t) =>
      (client.prepare(`PRAGMA foreign_key_list("${t}")`).all() as Array<{ table: string; from: string }>)
        .filter((fk) => fk.table === 'people')
        .some((fk) => client.prepare(`SELECT 1 FROM "${t}" WHERE "${fk.from}" = ?`).get(me.id) !== undefined),
    );
    expect(aboutAnn).toContain('conversations');
    expect(aboutAnn.filter((t) => !SHOWN_IN_SECTIONS.has(t) && !(t in data.stored))).toEqual([]);
  });

  it('corrects one answer after registering', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    expect(ann.says('correct')).toContain('Which answer would you like to change?');
    expect(ann.says('Postcode')).toContain('postcode');
    expect(ann.says('12')).toContain('4 digits');
    expect(ann.says('1000')).toContain('• Postcode: 1000 (Brussels-Capital)');
    expect(ann.says('yes')).toContain('your data has been updated');
    const row = panel.app.db.select().from(registrations).get()!;
    expect(row).toMatchObject({ postcode: '1000', region: 'brussels', status: 'registered' });
    expect(panel.app.db.select().from(registrations).all()).toHaveLength(1);
  });

  it('stops all but essential messages', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    const personId = panel.app.db.select().from(people).get()!.id;
    enqueue(panel.app.db, { personId, kind: 'broadcast', payload: { outbound: { text: 'news' } }, dueAt: panel.clock.now(), idempotencyKey: 'b1', essential: false }, panel.clock.now());
    enqueue(panel.app.db, { personId, kind: 'reminder', payload: { outbound: { text: 'come' } }, dueAt: panel.clock.now(), idempotencyKey: 'r1', essential: true }, panel.clock.now());
    expect(ann.says('stop')).toContain('you will only get the messages you need');
    expect(panel.app.db.select().from(people).get()!.essentialOnly).toBe(true);
    const statuses = panel.app.db.select({ key: outbox.idempotencyKey, status: outbox.status }).from(outbox).all();
    expect(statuses).toEqual([
      { key: 'b1', status: 'cancelled' },
      { key: 'r1', status: 'pending' },
    ]);
    expect(ann.says('all messages')).toContain('all messages again');
  });

  it('withdraws after a confirmation, and the organisers are told', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    expect(ann.says('withdraw')).toContain('really want to withdraw');
    expect(ann.says('no')).toContain('nothing has changed');
    ann.says('withdraw');
    expect(ann.says('Yes, withdraw')).toContain('You have withdrawn');
    expect(panel.app.db.select().from(registrations).get()!.status).toBe('withdrawn');
    const alert = panel.app.db.select().from(alerts).where(eq(alerts.kind, 'withdrawal')).get()!;
    expect(alert.payload).not.toContain('Ann');
  });

  it('deletes me after a confirmation, keeping only anonymous statistics', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    ann.says('My letter has a typo in my name');
    expect(panel.app.db.select().from(tickets).all()).toHaveLength(1);
    expect(ann.says('delete me')).toContain('cannot be undone');
    expect(ann.says('yes')).toContain('personal data is now deleted');

    const db = panel.app.db;
    const row = db.select().from(registrations).get()!;
    expect(row).toMatchObject({ status: 'erased', firstName: null, lastName: null, birthDate: null, phone: null, email: null, postcode: null });
    // Anonymous statistics stay.
    expect(row).toMatchObject({ gender: 'woman', region: 'flanders', education: 'university' });
    expect(db.select().from(identities).all()).toEqual([]);
    expect(db.select().from(conversations).all()).toEqual([]);
    expect(db.select().from(tickets).all()).toEqual([]);
    expect(db.select().from(people).get()!.status).toBe('erased');
    expect(JSON.stringify(db.$client.prepare('SELECT * FROM inbound_log').all())).not.toContain('Ann');
    // Writing again is a new beginning: the greeting chooses English (as for anyone new) and the code is asked.
    expect(ann.says('hello')).toContain('code printed on your invitation letter');
  });
});
