// Finding a person for an organiser: by invitation code, pseudonym or name. The answer shows what
// an organiser needs to help (pseudonym, statuses, channels, tickets), not the person's details.
import { and, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { identities, invitations, people, registrations, tickets } from '../../db/schema/index';
import { formatCode, normalizeCode } from '../registration/invitation-code';

export interface FoundPerson {
  personId: number;
  pseudonym: string;
  status: string;
  language: string | null;
  /** First name and the initial of the last name, to tell namesakes apart. */
  shortName: string | null;
  code: string | null;
  registration: { status: string; selection: string; participation: string } | null;
  channels: string[];
  openTickets: number[];
}

export const FIND_LIMIT = 10;

function personIdsMatching(db: Db, query: string): number[] {
  const q = query.trim();
  if (!q) return [];
  const code = normalizeCode(q);
  if (code) {
    const hit = db.select({ id: invitations.claimedBy }).from(invitations).where(eq(invitations.code, code)).get();
    if (hit?.id) return [hit.id];
  }
  const pseudo = q.toUpperCase().replace(/^P-?/, '');
  const byPseudonym = db.select({ id: people.id }).from(people).where(eq(people.pseudonym, `P-${pseudo}`)).get();
  if (byPseudonym) return [byPseudonym.id];
  const words = q.split(/\s+/).filter((w) => w.length >= 2).map((w) => w.replace(/[%_]/g, ''));
  if (!words.length) return [];
  const conditions: SQL[] = words.map((w) => or(like(registrations.firstName, `%${w}%`), like(registrations.lastName, `%${w}%`))!);
  return db
    .select({ id: registrations.personId })
    .from(registrations)
    .where(and(...conditions))
    .limit(FIND_LIMIT)
    .all()
    .map((r) => r.id);
}

export function findPeople(db: Db, query: string): FoundPerson[] {
  const ids = personIdsMatching(db, query).slice(0, FIND_LIMIT);
  if (!ids.length) return [];
  return ids.map((id) => {
    const person = db.select().from(people).where(eq(people.id, id)).get()!;
    const reg = db.select().from(registrations).where(eq(registrations.personId, id)).get();
    const code = db.select({ code: invitations.code }).from(invitations).where(eq(invitations.claimedBy, id)).get();
    const channels = db.select({ channel: identities.channel }).from(identities).where(eq(identities.personId, id)).all().map((r) => r.channel);
    const open = db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.personId, id), inArray(tickets.status, ['open', 'claimed', 'answered'])))
      .all()
      .map((r) => r.id);
    return {
      personId: id,
      pseudonym: person.pseudonym,
      status: person.status,
      language: person.language,
      shortName: reg?.firstName ? `${reg.firstName}${reg.lastName ? ` ${reg.lastName[0]}.` : ''}` : null,
      code: code ? formatCode(code.code) : null,
      registration: reg ? { status: reg.status, selection: reg.selection, participation: reg.participation } : null,
      channels: [...new Set(channels)],
      openTickets: open,
    };
  });
}

export function formatFound(found: FoundPerson[]): string {
  if (!found.length) return 'Nobody found.';
  return found
    .map((p) => {
      const reg = p.registration ? `${p.registration.status}, draw: ${p.registration.selection}, participation: ${p.registration.participation}` : 'not registered';
      const tickets = p.openTickets.length ? `; open tickets ${p.openTickets.map((t) => `#${t}`).join(', ')}` : '';
      return `${p.pseudonym}${p.shortName ? ` (${p.shortName})` : ''}: ${p.status}, ${p.language ?? 'no language'}, code ${p.code ?? '—'}; ${reg}; on ${p.channels.join(', ') || '—'}${tickets}`;
    })
    .join('\n');
}
