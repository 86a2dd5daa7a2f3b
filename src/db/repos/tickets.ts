// Helpline tickets: open one, add to it, reopen it.
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, notLike, or } from 'drizzle-orm';
import type { Db } from '../client';
import { people, ticketMessages, tickets } from '../schema/index';

export interface TicketRef {
  id: number;
  status: string;
  reopened: boolean;
  created: boolean;
}

/**
 * Adds a citizen's message to their latest ticket while it is being worked on, or opens a new one:
 * a new question never lands in an old, resolved ticket (the team would not see it as new).
 */
export function addCitizenMessage(
  db: Db,
  input: { personId: number; language: string; address: { channel: string; userId: string }; text: string; urgent: boolean; now: Date; askedAt?: Date },
): TicketRef {
  const latest = unresolvedTicketOf(db, input.personId);
  let ticketId: number;
  let created = false;
  const reopened = false;
  if (latest) {
    ticketId = latest.id;
    db.update(tickets)
      .set({
        status: latest.status === 'answered' ? 'open' : latest.status,
        urgent: latest.urgent || input.urgent,
        channel: input.address.channel,
        userId: input.address.userId,
        nudgedAt: null,
        updatedAt: input.now,
      })
      .where(eq(tickets.id, ticketId))
      .run();
  } else {
    created = true;
    ticketId = db
      .insert(tickets)
      .values({
        personId: input.personId,
        language: input.language,
        channel: input.address.channel,
        userId: input.address.userId,
        urgent: input.urgent,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning({ id: tickets.id })
      .get().id;
  }
  db.insert(ticketMessages).values({ ticketId, author: 'citizen', text: input.text, at: input.askedAt ?? input.now }).run();
  const status = db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId)).get()!.status;
  return { id: ticketId, status, reopened, created };
}

export function openTicketOf(db: Db, personId: number) {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.personId, personId)))
    .orderBy(desc(tickets.id))
    .limit(1)
    .get();
}

export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
export type TicketStatus = 'open' | 'claimed' | 'answered' | 'resolved';
export const UNRESOLVED: TicketStatus[] = ['open', 'claimed', 'answered'];

/** The person's ticket still being worked on (not resolved), if any. */
export function unresolvedTicketOf(db: Db, personId: number): TicketRow | undefined {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.personId, personId), inArray(tickets.status, UNRESOLVED)))
    .orderBy(desc(tickets.id))
    .limit(1)
    .get();
}

export function getTicket(db: Db, id: number): (TicketRow & { pseudonym: string }) | undefined {
  const row = db
    .select({ ticket: tickets, pseudonym: people.pseudonym })
    .from(tickets)
    .innerJoin(people, eq(people.id, tickets.personId))
    .where(eq(tickets.id, id))
    .get();
  return row && { ...row.ticket, pseudonym: row.pseudonym };
}

export function ticketBySlackTs(db: Db, channel: string, ts: string): TicketRow | undefined {
  return db.select().from(tickets).where(and(eq(tickets.slackChannel, channel), eq(tickets.slackTs, ts))).get();
}

export function ticketMessagesOf(db: Db, ticketId: number): TicketMessageRow[] {
  return db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(asc(ticketMessages.id)).all();
}

export function listTickets(db: Db, statuses: TicketStatus[]): Array<TicketRow & { pseudonym: string }> {
  return db
    .select({ ticket: tickets, pseudonym: people.pseudonym })
    .from(tickets)
    .innerJoin(people, eq(people.id, tickets.personId))
    .where(inArray(tickets.status, statuses))
    .orderBy(desc(tickets.urgent), asc(tickets.updatedAt))
    .all()
    .map((r) => ({ ...r.ticket, pseudonym: r.pseudonym }));
}

export function updateTicket(db: Db, id: number, set: Partial<Pick<TicketRow, 'status' | 'claimedBy' | 'slackChannel' | 'slackTs' | 'slackShown' | 'nudgedAt' | 'updatedAt'>>): void {
  db.update(tickets).set(set).where(eq(tickets.id, id)).run();
}

export function addTicketMessage(
  db: Db,
  input: { ticketId: number; author: 'citizen' | 'organiser' | 'note' | 'bot'; authorId: string | null; text: string; at: Date; relayedAt?: Date; sourceId?: string },
): number {
  return db
    .insert(ticketMessages)
    .values({ ticketId: input.ticketId, author: input.author, authorId: input.authorId, text: input.text, at: input.at, relayedAt: input.relayedAt, sourceId: input.sourceId })
    .returning({ id: ticketMessages.id })
    .get().id;
}

export function messageBySource(db: Db, sourceId: string): TicketMessageRow | undefined {
  return db.select().from(ticketMessages).where(eq(ticketMessages.sourceId, sourceId)).get();
}

/** Citizen messages not yet shown to organisers in Slack, for tickets that already have their Slack message. */
export function unrelayedCitizenMessages(db: Db): Array<TicketMessageRow & { slackChannel: string; slackTs: string }> {
  return db
    .select({ message: ticketMessages, slackChannel: tickets.slackChannel, slackTs: tickets.slackTs })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(and(eq(ticketMessages.author, 'citizen'), isNull(ticketMessages.relayedAt), isNotNull(tickets.slackTs)))
    .orderBy(asc(ticketMessages.id))
    .all()
    .map((r) => ({ ...r.message, slackChannel: r.slackChannel!, slackTs: r.slackTs! }));
}

export function markRelayed(db: Db, messageIds: number[], now: Date): void {
  if (messageIds.length) db.update(ticketMessages).set({ relayedAt: now }).where(inArray(ticketMessages.id, messageIds)).run();
}

/** Tickets not yet posted to Slack (resolved ones, e.g. handled in the terminal before Slack was set up, stay out). */
export function unpostedTickets(db: Db): Array<TicketRow & { pseudonym: string }> {
  return db
    .select({ ticket: tickets, pseudonym: people.pseudonym })
    .from(tickets)
    .innerJoin(people, eq(people.id, tickets.personId))
    .where(and(isNull(tickets.slackTs), ne(tickets.status, 'resolved')))
    .orderBy(asc(tickets.id))
    .all()
    .map((r) => ({ ...r.ticket, pseudonym: r.pseudonym }));
}

/** Posted tickets waiting for an organiser (open or claimed) that were not nudged since the citizen last wrote. */
export function waitingTickets(db: Db): Array<TicketRow & { pseudonym: string; lastCitizenAt: Date | null }> {
  const rows = db
    .select({ ticket: tickets, pseudonym: people.pseudonym })
    .from(tickets)
    .innerJoin(people, eq(people.id, tickets.personId))
    .where(and(inArray(tickets.status, ['open', 'claimed']), isNull(tickets.nudgedAt), isNotNull(tickets.slackTs)))
    .all();
  return rows.map((r) => {
    const last = db
      .select({ at: ticketMessages.at })
      .from(ticketMessages)
      .where(and(eq(ticketMessages.ticketId, r.ticket.id), eq(ticketMessages.author, 'citizen')))
      .orderBy(desc(ticketMessages.id))
      .limit(1)
      .get();
    return { ...r.ticket, pseudonym: r.pseudonym, lastCitizenAt: last?.at ?? null };
  });
}

/** Posted tickets whose Slack message may be out of date (resolved ones already shown as resolved are left out). */
export function postedTickets(db: Db): Array<TicketRow & { pseudonym: string }> {
  return db
    .select({ ticket: tickets, pseudonym: people.pseudonym })
    .from(tickets)
    .innerJoin(people, eq(people.id, tickets.personId))
    .where(and(isNotNull(tickets.slackTs), or(ne(tickets.status, 'resolved'), isNull(tickets.slackShown), notLike(tickets.slackShown, 'resolved|%'))))
    .all()
    .map((r) => ({ ...r.ticket, pseudonym: r.pseudonym }));
}

/** The ticket's first citizen message: the question shown in its Slack message. */
export function firstQuestion(db: Db, ticketId: number): TicketMessageRow | undefined {
  return db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.author, 'citizen')))
    .orderBy(asc(ticketMessages.id))
    .limit(1)
    .get();
}

/** Organisers' answers and notes written outside Slack (the terminal), not yet shown in the ticket's thread. */
export function organiserMessagesNotInSlack(db: Db): Array<TicketMessageRow & { slackChannel: string; slackTs: string }> {
  return db
    .select({ message: ticketMessages, slackChannel: tickets.slackChannel, slackTs: tickets.slackTs })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(and(inArray(ticketMessages.author, ['organiser', 'note']), isNull(ticketMessages.sourceId), isNotNull(tickets.slackTs)))
    .orderBy(asc(ticketMessages.id))
    .all()
    .map((r) => ({ ...r.message, slackChannel: r.slackChannel!, slackTs: r.slackTs! }));
}

export function setMessageSource(db: Db, messageId: number, sourceId: string): void {
  db.update(ticketMessages).set({ sourceId }).where(eq(ticketMessages.id, messageId)).run();
}
