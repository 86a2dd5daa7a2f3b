// Who panelbot may message on WhatsApp: people who wrote to it there first, and people who
// registered with this phone number and consented. Messaging anyone else is what gets numbers banned.
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { identities, people, registrations } from '../../db/schema/index';

/** "32470123456@c.us" → "+32470123456"; undefined for ids that are not phone numbers (@lid, groups). */
export function phoneOfChat(chatId: string): string | undefined {
  const m = /^(\d{6,15})@c\.us$/.exec(chatId);
  return m ? `+${m[1]}` : undefined;
}

/** "+32 470 12 34 56" → "32470123456@c.us": where a registered phone number is reached. */
export function chatOfPhone(phone: string): string {
  return `${phone.replace(/\D/g, '')}@c.us`;
}

export function mayMessage(db: Db, chatId: string): boolean {
  const wrote = db
    .select({ personId: identities.personId })
    .from(identities)
    .where(and(eq(identities.channel, 'whatsapp'), eq(identities.userId, chatId)))
    .get();
  if (wrote) return true;
  const phone = phoneOfChat(chatId);
  if (!phone) return false;
  const registered = db
    .select({ personId: registrations.personId })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.phone, phone), eq(registrations.status, 'registered'), isNotNull(registrations.consentAt), ne(people.status, 'erased')))
    .get();
  return Boolean(registered);
}
