// Who panelbot may message on WhatsApp: people who wrote to it there first, and people who
// registered with this phone number and consented. Messaging anyone else is what gets numbers banned.
import type { Db } from '../../db/client';
import { hasIdentity } from '../../db/repos/people';
import { registeredWithPhone } from '../../db/repos/registrations';

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
  if (hasIdentity(db, 'whatsapp', chatId)) return true;
  const phone = phoneOfChat(chatId);
  if (!phone) return false;
  return registeredWithPhone(db, phone);
}
