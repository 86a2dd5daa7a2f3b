// Opens the SQLite store: creates the folder, sets the pragmas, applies the committed migrations.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema/index';
import { packagePath } from '../paths';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = packagePath('drizzle');

export interface OpenOptions {
  /** Milliseconds a writer waits for a lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export function openDb(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Created readable by its owner only: it holds special-category personal data.
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  for (const suffix of ['-wal', '-shm']) {
    if (file !== ':memory:' && fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, 0o600);
  }
  return db;
}

/** Runs fn in one synchronous transaction (better-sqlite3 transactions cannot be async). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}

/**
 * Runs fn in a savepoint inside the open transaction: a failure rolls back fn's writes alone.
 * (The engine's group commit: each message of a batch in its own savepoint.)
 */
export function inSavepoint<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn)();
}

/** False once SQLite ended the whole transaction (some errors, such as a full disk, do). */
export function transactionOpen(db: Db): boolean {
  return db.$client.inTransaction;
}

/** The database file's path. */
export function dbFile(db: Db): string {
  return db.$client.name;
}

/** A consistent copy of the live database (SQLite's online backup API). */
export function backupDb(db: Db, target: string): Promise<{ totalPages: number }> {
  return db.$client.backup(target);
}

export function closeDb(db: Db): void {
  db.$client.close();
}
