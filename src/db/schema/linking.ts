// One-time codes that let a person continue on another channel (web ⇄ Telegram ⇄ WhatsApp).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { people } from './people';

export const linkCodes = sqliteTable(
  'link_codes',
  {
    /** sha256 of the code: the store never holds a code that would still open someone's conversation. */
    codeHash: text('code_hash').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('link_codes_person').on(t.personId)],
);
