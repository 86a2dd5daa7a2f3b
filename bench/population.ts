// Databases for the benchmarks: people already registered (the cohort helper the tests use),
// invitation codes for the citizens about to register, and Telegram identities for broadcasts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../src/db/client';
import { invitations } from '../src/db/schema/index';
import { generateCode } from '../src/core/registration/invitation-code';
import { seedCohort } from '../tests/helpers/cohort';

export const BENCH_START = '2027-01-15T10:00:00+01:00';
/** What one registration by chat leaves in the inbound log (one row per message). */
const MESSAGES_PER_PERSON = 19;
const BLOCK = 1_000;

export function benchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-bench-'));
}

/** Every column of a table, with some replaced by an SQL expression. */
function columns(db: Db, table: string, replace: Record<string, string>): { names: string; values: string } {
  const names = (db.$client.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
  return { names: names.join(', '), values: names.map((n) => replace[n] ?? n).join(', ') };
}

/**
 * A database file with `count` people who registered by chat: person, Telegram identity, claimed
 * invitation, registration, conversation at home, and their messages in the inbound log. One block
 * of 1,000 is written by the tests' cohort helper; the rest are SQL copies of it with new keys
 * (the helper alone takes about a minute for 100,000 on these machines).
 */
export function seededDb(file: string, count: number): void {
  const db = openDb(file);
  const now = new Date(BENCH_START).getTime();
  const sqlite = db.$client;
  // A file being built for a benchmark: no need to survive a power cut while it is written.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const first = Math.min(BLOCK, count);
  if (first > 0) seedCohort(db, first, new Date(now), 1);
  const maxId = (sqlite.prepare('SELECT max(id) AS m FROM people').get() as { m: number | null }).m ?? 0;
  if (first > 0 && maxId !== first) throw new Error('the cohort should start from an empty database');
  sqlite.transaction(() => {
    for (let k = 1; k * BLOCK < count; k++) {
      const off = k * BLOCK;
      const limit = Math.min(BLOCK, count - off);
      const copy = (table: string, replace: Record<string, string>, key: string) => {
        const c = columns(db, table, replace);
        sqlite.prepare(`INSERT INTO ${table} (${c.names}) SELECT ${c.values} FROM ${table} WHERE ${key} <= ${limit}`).run();
      };
      copy('people', { id: `id + ${off}`, pseudonym: `pseudonym || '-${k}'` }, 'id');
      copy('identities', { person_id: `person_id + ${off}`, user_id: `user_id || '-${k}'` }, 'person_id');
      copy('invitations', { code: `code || '${k}'`, claimed_by: `claimed_by + ${off}` }, 'claimed_by');
      copy('registrations', { id: `id + ${off}`, person_id: `person_id + ${off}`, invitation_code: `invitation_code || '${k}'` }, 'person_id');
    }
    // Telegram users, as most citizens are: numeric chat ids.
    sqlite.prepare(`UPDATE identities SET channel = 'telegram', user_id = CAST(900000000 + person_id AS TEXT)`).run();
    sqlite
      .prepare(
        `INSERT INTO conversations (person_id, flow, step, data, updated_at)
         SELECT id, 'home', 'idle', '{"stack":[{"flow":"home","step":"idle","data":{}}]}', ? FROM people`,
      )
      .run(now);
    sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${MESSAGES_PER_PERSON})
         INSERT INTO inbound_log (channel, message_id, person_id, replies, delivered, received_at)
         SELECT 'telegram', 'telegram:' || (900000000 + p.id) || ':' || n.i, p.id, '[]', 1, ? + n.i * 10000 FROM people p, n`,
      )
      .run(now - 86_400_000);
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

export function copyDb(from: string, to: string): string {
  fs.copyFileSync(from, to);
  return to;
}

/** Fresh invitation codes (one letter each). */
export function newCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateCode());
  return [...codes];
}

/** Puts codes in the invitations table, as the import of the letters' file leaves them. */
export function inviteCodes(db: Db, countOrCodes: number | string[], languages = 'nl'): string[] {
  const list = typeof countOrCodes === 'number' ? newCodes(countOrCodes) : countOrCodes;
  const now = new Date(BENCH_START);
  db.$client.transaction(() => {
    for (let i = 0; i < list.length; i += 500) {
      db.insert(invitations)
        .values(list.slice(i, i + 500).map((code) => ({ code, languages, importedAt: now })))
        .run();
    }
  })();
  return list;
}
