// The draw's record: where the panel came from and how the reserves were chosen, so that anyone can
// check afterwards (a lot's seed reproduces the reserve list).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const draws = sqliteTable('draws', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Who drew the panel: 'sortition-algorithms files' (selection import) or the built-in draw. */
  source: text('source').notNull(),
  selected: integer('selected').notNull(),
  reserves: integer('reserves').notNull(),
  /** lot_weighted_to_panel_profile | reserves_file */
  reserveMethod: text('reserve_method').notNull(),
  /** The seed of the reserves' lot (null when the organisers gave the reserves). */
  reserveSeed: text('reserve_seed'),
  /** JSON: the method's figures (candidates, households left out, file names...). */
  details: text('details').notNull().default('{}'),
  recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
});
