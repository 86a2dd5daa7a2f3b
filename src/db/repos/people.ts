// People and their channel identities.
import { and, eq, ne, sql } from 'drizzle-orm';
import { prepared } from '../prepared';
import { randomInt } from 'node:crypto';
import type { Db } from '../client';
import { identities, people } from '../schema/index';
import type { ChannelAddress, Language } from '../../vocabulary';

const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface PersonRow {
  id: number;
  pseudonym: string;
  language: Language | null;
  status: string;
  /** Easy-read texts: null until chosen (or set by an easy-read letter). */
  easyRead: boolean | null;
}

function newPseudonym(): string {
  let s = 'P-';
  for (let i = 0; i < 7; i++) s += PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)];
  return s;
}

export function findPersonByAddress(db: Db, address: ChannelAddress): PersonRow | undefined {
  const row = prepared(db, 'people.byAddress', () =>
    db
      .select({ id: people.id, pseudonym: people.pseudonym, language: people.language, status: people.status, easyRead: people.easyRead })
      .from(identities)
      .innerJoin(people, eq(people.id, identities.personId))
      .where(and(eq(identities.channel, sql.placeholder('channel')), eq(identities.userId, sql.placeholder('userId'))))
      .prepare(),
  ).get({ channel: address.channel, userId: address.userId });
  return row as PersonRow | undefined;
}

export function createPerson(db: Db, address: ChannelAddress, now: Date): PersonRow {
  const insertPerson = prepared(db, 'people.insert', () =>
    db.$client.prepare('INSERT INTO people (pseudonym, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id'),
  );
  const insertIdentity = prepared(db, 'identities.insert', () =>
    db.$client.prepare('INSERT INTO identities (channel, user_id, person_id, reachable, first_seen_at, last_seen_at) VALUES (?, ?, ?, 1, ?, ?)'),
  );
  for (;;) {
    const pseudonym = newPseudonym();
    const inserted = insertPerson.get(pseudonym, now.getTime()) as { id: number } | undefined;
    if (!inserted) continue; // the pseudonym was taken: draw another
    insertIdentity.run(address.channel, address.userId, inserted.id, now.getTime(), now.getTime());
    return { id: inserted.id, pseudonym, language: null, status: 'active', easyRead: null };
  }
}

export function setPersonLanguage(db: Db, personId: number, language: Language): void {
  prepared(db, 'people.language', () => db.$client.prepare('UPDATE people SET language = ? WHERE id = ?')).run(language, personId);
}

export function setPersonEasyRead(db: Db, personId: number, easyRead: boolean): void {
  prepared(db, 'people.easyRead', () => db.$client.prepare('UPDATE people SET easy_read = ? WHERE id = ?')).run(easyRead ? 1 : 0, personId);
}

export function getPerson(db: Db, personId: number): PersonRow | undefined {
  return db
    .select({ id: people.id, pseudonym: people.pseudonym, language: people.language, status: people.status, easyRead: people.easyRead })
    .from(people)
    .where(eq(people.id, personId))
    .get() as PersonRow | undefined;
}

/** The addresses to reach a person on, reachable ones first, most recently used first. */
export function addressesOf(db: Db, personId: number): Array<ChannelAddress & { reachable: boolean }> {
  return db
    .select({ channel: identities.channel, userId: identities.userId, reachable: identities.reachable, lastSeenAt: identities.lastSeenAt })
    .from(identities)
    .where(eq(identities.personId, personId))
    .all()
    .sort((a, b) => Number(b.reachable) - Number(a.reachable) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
    .map((r) => ({ channel: r.channel as ChannelAddress['channel'], userId: r.userId, reachable: r.reachable }));
}

export function markUnreachable(db: Db, address: ChannelAddress): void {
  db.update(identities)
    .set({ reachable: false })
    .where(and(eq(identities.channel, address.channel), eq(identities.userId, address.userId)))
    .run();
}

export function touchIdentity(db: Db, address: ChannelAddress, now: Date): void {
  // At most once a minute per identity: "last seen" needs no finer grain, and every write costs a page.
  prepared(db, 'people.touch', () =>
    db.$client.prepare('UPDATE identities SET last_seen_at = ?, reachable = 1 WHERE channel = ? AND user_id = ? AND (last_seen_at < ? OR reachable = 0)'),
  ).run(now.getTime(), address.channel, address.userId, now.getTime() - 60_000);
}

/** Whether the person wants to hear about future panels. */
export function setFuturePanels(db: Db, personId: number, yes: boolean): void {
  db.update(people).set({ futurePanels: yes }).where(eq(people.id, personId)).run();
}

/** "stop": only essential messages from now on (or all again). */
export function setEssentialOnly(db: Db, personId: number, essentialOnly: boolean): void {
  db.update(people).set({ essentialOnly }).where(eq(people.id, personId)).run();
}

/** Everyone not yet erased (retention erases them all). */
export function personIdsNotErased(db: Db): number[] {
  return db.select({ id: people.id }).from(people).where(ne(people.status, 'erased')).all().map((r) => r.id);
}

export function personIdByPseudonym(db: Db, pseudonym: string): number | undefined {
  return db.select({ id: people.id }).from(people).where(eq(people.pseudonym, pseudonym)).get()?.id;
}

/** Whether this chat may still be written to on the channel (false once the person blocked panelbot). */
export function isAddressReachable(db: Db, channel: string, userId: string): boolean {
  // Asked before every message sent: prepared once (building the query cost more than running it).
  const row = prepared(db, `identities.reachable.${channel}`, () =>
    db
      .select({ reachable: identities.reachable })
      .from(identities)
      .where(and(eq(identities.channel, channel), eq(identities.userId, sql.placeholder('userId'))))
      .prepare(),
  ).get({ userId });
  // A chat we have no identity for yet (a first reply) is reachable until the platform says otherwise.
  return row?.reachable ?? true;
}

/** Whether someone wrote to panelbot from this chat. */
export function hasIdentity(db: Db, channel: string, userId: string): boolean {
  return db.select({ personId: identities.personId }).from(identities).where(and(eq(identities.channel, channel), eq(identities.userId, userId))).get() !== undefined;
}
