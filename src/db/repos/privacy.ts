// The store of a person's rights over their data: see it, withdraw, be erased, receive only essential messages.
// Erasure keeps anonymous statistics (status, draw features without identity) and nothing else.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { identities, inboundLog, outbox, people, registrations, tickets, ticketMessages, attendance, needs, compensationClaims, paymentRecords } from '../schema/index';

/** Everything panelbot holds about a person, as they may download it. */
export function personalData(db: Db, personId: number): Record<string, unknown> {
  const stored = otherRowsAbout(db, personId);
  const person = db.select().from(people).where(eq(people.id, personId)).get();
  const registration = db.select().from(registrations).where(eq(registrations.personId, personId)).get();
  const addresses = db.select({ channel: identities.channel, userId: identities.userId, firstSeenAt: identities.firstSeenAt }).from(identities).where(eq(identities.personId, personId)).all();
  const myTickets = db.select({ id: tickets.id, status: tickets.status, createdAt: tickets.createdAt }).from(tickets).where(eq(tickets.personId, personId)).all();
  const messages = myTickets.length
    ? db
        .select({ ticket: ticketMessages.ticketId, author: ticketMessages.author, text: ticketMessages.text, at: ticketMessages.at })
        .from(ticketMessages)
        .where(and(inArray(ticketMessages.ticketId, myTickets.map((t) => t.id)), inArray(ticketMessages.author, ['citizen', 'organiser', 'bot'])))
        .all()
    : [];
  const days = db.select().from(attendance).where(eq(attendance.personId, personId)).all();
  const myNeeds = db.select().from(needs).where(eq(needs.personId, personId)).get();
  const claim = db.select().from(compensationClaims).where(eq(compensationClaims.personId, personId)).get();
  const payment = claim && db.select().from(paymentRecords).where(eq(paymentRecords.reference, claim.reference)).get();
  return {
    person: person && { pseudonym: person.pseudonym, language: person.language, essentialOnly: person.essentialOnly, futurePanels: person.futurePanels, createdAt: person.createdAt },
    addresses,
    registration: registration && { ...registration, personId: undefined },
    helpline: { tickets: myTickets, messages },
    attendance: days.map((d) => ({ event: d.eventId, day: d.day, answer: d.answer, checkedInAt: d.checkedInAt })),
    needs: myNeeds && { ...myNeeds, personId: undefined },
    compensation: claim && {
      holder: claim.holder,
      iban: claim.iban,
      amount: claim.amountCents / 100,
      currency: claim.currency,
      reference: claim.reference,
      confirmedAt: claim.confirmedAt,
      exportedAt: claim.exportedAt,
      paidAt: claim.paidAt,
    },
    paymentRecord: payment && { holder: payment.holder, iban: payment.iban, amount: payment.amountCents / 100, currency: payment.currency, paidAt: payment.paidAt },
    ...(Object.keys(stored).length > 0 ? { stored } : {}),
  };
}

/**
 * Tables "my data" shows in a section of its own (above). Every other table that points to the
 * person is found by its foreign key to people, as erasure finds them, and its rows are shown as
 * stored: a table added later is in the export without anyone remembering to add it.
 */
export const SHOWN_IN_SECTIONS = new Set(['people', 'identities', 'registrations', 'tickets', 'attendance', 'needs', 'compensation_claims']);

/** The person's rows in every other table that references them, by table (columns that point to people left out). */
export function otherRowsAbout(db: Db, personId: number): Record<string, Array<Record<string, unknown>>> {
  const references = tablesReferencingPeople(db);
  const personColumns = new Map<string, Set<string>>();
  for (const { table, column } of references) personColumns.set(table, (personColumns.get(table) ?? new Set()).add(column));
  const stored: Record<string, Array<Record<string, unknown>>> = {};
  for (const { table, column } of references) {
    if (SHOWN_IN_SECTIONS.has(table)) continue;
    const rows = db.$client.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ?`).all(personId) as Array<Record<string, unknown>>;
    for (const row of rows) {
      for (const c of personColumns.get(table)!) delete row[c];
      (stored[table] ??= []).push(row);
    }
  }
  return stored;
}

/** Pending messages that would still go to this person are cancelled, with the reason. */
export function cancelPending(db: Db, personId: number, reason: string, onlyNonEssential = false): number {
  const where = onlyNonEssential
    ? and(eq(outbox.personId, personId), eq(outbox.status, 'pending'), eq(outbox.essential, false))
    : and(eq(outbox.personId, personId), inArray(outbox.status, ['pending', 'claimed']));
  return db.update(outbox).set({ status: 'cancelled', skipReason: reason }).where(where).run().changes;
}

export function withdraw(db: Db, personId: number, now: Date): void {
  db.update(people).set({ status: 'withdrawn' }).where(eq(people.id, personId)).run();
  db.update(registrations)
    .set({ status: 'withdrawn', participation: 'declined', participationAt: now })
    .where(eq(registrations.personId, personId))
    .run();
  cancelPending(db, personId, 'withdrawn');
}

/**
 * What an erasure kept of the person's money, so that they can be told exactly:
 * - none: there was no compensation claim;
 * - dropped: bank details confirmed but not yet in a payment file: erased, the compensation cannot be paid;
 * - in_flight: in a payment file the bank may execute: the claim (holder, IBAN, amount) stays until
 *   `mark-paid`, which then keeps only the accounting record;
 * - paid: the accounting record (holder, IBAN, amount, date) stays apart, paid at paidAt.
 */
export type ErasedMoney = { kind: 'none' } | { kind: 'dropped' } | { kind: 'in_flight' } | { kind: 'paid'; paidAt: Date };

/**
 * Erases a person's personal data. What stays: the pseudonym row (status 'erased'), on the
 * registration only what anonymous statistics need (status, selection, gender, region, education),
 * and what accounting requires of a payment (see ErasedMoney).
 */
export function erasePerson(db: Db, personId: number, registrationColumns: readonly string[]): ErasedMoney {
  const claim = db.select().from(compensationClaims).where(eq(compensationClaims.personId, personId)).get();
  const money: ErasedMoney = !claim
    ? { kind: 'none' }
    : claim.paidAt
      ? { kind: 'paid', paidAt: claim.paidAt }
      : claim.exportedAt
        ? { kind: 'in_flight' }
        : { kind: 'dropped' };
  if (money.kind !== 'in_flight') db.delete(compensationClaims).where(eq(compensationClaims.personId, personId)).run();
  cancelPending(db, personId, 'erased');
  db.update(outbox).set({ payload: '{}', userId: null }).where(eq(outbox.personId, personId)).run();
  // The registration keeps its status and what anonymous statistics need; the columns to empty
  // come from the list of registration fields (src/core/registration/fields.ts).
  db.update(registrations)
    .set({ status: 'erased', ...Object.fromEntries(registrationColumns.map((c) => [c, null])) })
    .where(eq(registrations.personId, personId))
    .run();
  db.update(inboundLog).set({ replies: '[]' }).where(eq(inboundLog.personId, personId)).run();
  // Every other table that points to the person (conversations, identities, tickets, needs,
  // attendance, …, including tables added later) loses its rows about them.
  for (const { table, column } of tablesReferencingPeople(db)) {
    if (KEPT_ON_ERASE.has(table)) continue;
    db.$client.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(personId);
  }
  db.update(people).set({ status: 'erased', language: null, futurePanels: null }).where(eq(people.id, personId)).run();
  return money;
}

/**
 * Tables whose rows about an erased person stay: the registration (emptied above, kept for
 * anonymous statistics), the outbox (emptied above, kept so nothing is sent twice) and the
 * inbound log (emptied, kept for de-duplication), and a compensation claim in a payment file the
 * bank may still execute (erasePerson deletes every other claim). Payment records hold no person id.
 */
export const KEPT_ON_ERASE = new Set(['registrations', 'outbox', 'inbound_log', 'people', 'invitations', 'compensation_claims']);

export function tablesReferencingPeople(db: Db): Array<{ table: string; column: string }> {
  const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`).all() as Array<{ name: string }>;
  return tables.flatMap(({ name }) =>
    (db.$client.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ table: string; from: string }>)
      .filter((fk) => fk.table === 'people')
      .map((fk) => ({ table: name, column: fk.from })),
  );
}
