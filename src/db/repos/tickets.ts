// Helpline tickets: open one, add to it, reopen it.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { ticketMessages, tickets } from '../schema/index';
import type { ChannelAddress } from '../../core/messages';

export interface TicketRef {
  id: number;
  status: string;
  reopened: boolean;
  created: boolean;
}

/** Adds a citizen's message to their latest ticket (reopening it if resolved), or opens a new one. */
export function addCitizenMessage(
  db: Db,
  input: { personId: number; language: string; address: ChannelAddress; text: string; urgent: boolean; now: Date },
): TicketRef {
  const latest = db.select().from(tickets).where(eq(tickets.personId, input.personId)).orderBy(desc(tickets.id)).limit(1).get();
  let ticketId: number;
  let created = false;
  let reopened = false;
  if (latest) {
    ticketId = latest.id;
    reopened = latest.status === 'resolved';
    db.update(tickets)
      .set({
        status: reopened ? 'open' : latest.status === 'answered' ? 'open' : latest.status,
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
  db.insert(ticketMessages).values({ ticketId, author: 'citizen', text: input.text, at: input.now }).run();
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
