// Finding a person for an organiser: by invitation code, pseudonym or name. The answer shows what
// an organiser needs to help (pseudonym, statuses, channels, tickets), not the person's details.
import type { Db } from '../../db/client';
import { claimantOfCode, personIdsByNameWords, personIdsByPhoneDigits, personOverview } from '../../db/repos/organisers';
import { personIdByPseudonym } from '../../db/repos/people';
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
  /** Only when asked (the command line, to call the person back): full name, phone, e-mail. */
  contact?: { name: string | null; phone: string | null; email: string | null };
}

export const FIND_LIMIT = 10;

function personIdsMatching(db: Db, query: string): number[] {
  const q = query.trim();
  if (!q) return [];
  const code = normalizeCode(q);
  if (code) {
    const claimedBy = claimantOfCode(db, code);
    if (claimedBy) return [claimedBy];
  }
  // A phone number, typed any way (+32 470 12 34 56, 0470/123456): matched on its last digits.
  const digits = q.replace(/[\s+()/.-]/g, '');
  if (/^\d{6,}$/.test(digits)) {
    const byPhone = personIdsByPhoneDigits(db, digits, FIND_LIMIT);
    if (byPhone.length) return byPhone;
  }
  const pseudo = q.toUpperCase().replace(/^P-?/, '');
  const byPseudonym = personIdByPseudonym(db, `P-${pseudo}`);
  if (byPseudonym !== undefined) return [byPseudonym];
  const words = q.split(/\s+/).filter((w) => w.length >= 2).map((w) => w.replace(/[%_]/g, ''));
  if (!words.length) return [];
  return personIdsByNameWords(db, words, FIND_LIMIT);
}

export function findPeople(db: Db, query: string, options: { contact?: boolean } = {}): FoundPerson[] {
  const ids = personIdsMatching(db, query).slice(0, FIND_LIMIT);
  if (!ids.length) return [];
  return ids.map((id) => {
    const { person, registration: reg, code, channels, openTickets: open } = personOverview(db, id);
    return {
      personId: id,
      pseudonym: person.pseudonym,
      status: person.status,
      language: person.language,
      shortName: reg?.firstName ? `${reg.firstName}${reg.lastName ? ` ${reg.lastName[0]}.` : ''}` : null,
      code: code ? formatCode(code) : null,
      registration: reg ? { status: reg.status, selection: reg.selection, participation: reg.participation } : null,
      channels: [...new Set(channels)],
      openTickets: open,
      ...(options.contact
        ? { contact: { name: reg?.firstName ? [reg.firstName, reg.lastName].filter(Boolean).join(' ') : null, phone: reg?.phone ?? null, email: reg?.email ?? null } }
        : {}),
    };
  });
}

export function formatFound(found: FoundPerson[]): string {
  if (!found.length) return 'Nobody found.';
  return found
    .map((p) => {
      const reg = p.registration ? `${p.registration.status}, draw: ${p.registration.selection}, participation: ${p.registration.participation}` : 'not registered';
      const tickets = p.openTickets.length ? `; open tickets ${p.openTickets.map((t) => `#${t}`).join(', ')}` : '';
      const contact = p.contact ? `\n    ${p.contact.name ?? '(no name)'}, phone ${p.contact.phone ?? '—'}, e-mail ${p.contact.email ?? '—'}` : '';
      return `${p.pseudonym}${p.shortName ? ` (${p.shortName})` : ''}: ${p.status}, ${p.language ?? 'no language'}, code ${p.code ?? '—'}; ${reg}; on ${p.channels.join(', ') || '—'}${tickets}${contact}`;
    })
    .join('\n');
}
