// What `panelbot doctor` needs to know about the store, read without changing it: whether SQLite's
// native module loads, whether the file opens, its integrity, the migrations applied against those
// this code has, and who holds the outbox lease. Opens the file read-only (no migration applied).
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import fs from 'node:fs';
import { MIGRATIONS_FOLDER } from './client';

/** Undefined when better-sqlite3's native module loads and runs; else why not. */
export function sqliteLoadError(): string | undefined {
  try {
    const probe = new Database(':memory:');
    probe.prepare('SELECT 1').get();
    probe.close();
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}

export interface DbInspection {
  exists: boolean;
  /** Why it could not be opened, if it could not. */
  openError?: string;
  /** integrity_check's answer: ['ok'] when sound. */
  integrity?: string[];
  /** Migrations recorded in the file, migrations this code has, and those not applied yet. */
  applied?: number;
  known: number;
  pending?: number;
  /** Migrations in the file that this code does not know (written by a newer panelbot). */
  unknown?: number;
  lease?: { holder: string; expiresAt: number };
  /** The file's permission bits. */
  mode?: number;
}

export function inspectDb(file: string): DbInspection {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const known = migrations.length;
  if (!fs.existsSync(file)) return { exists: false, known };
  const mode = fs.statSync(file).mode & 0o777;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { exists: true, known, mode, openError: (err as Error).message.split('\n')[0] };
  }
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    // drizzle's migrator applies every migration newer than the last one recorded.
    const recorded = hasTable('__drizzle_migrations') ? (db.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as Array<{ at: number }>).map((r) => Number(r.at)) : [];
    const last = recorded.length > 0 ? Math.max(...recorded) : 0;
    const newestKnown = migrations.length > 0 ? Math.max(...migrations.map((m) => m.folderMillis)) : 0;
    const pending = migrations.filter((m) => m.folderMillis > last).length;
    const unknown = recorded.filter((at) => at > newestKnown).length;
    const lease = hasTable('leases') ? (db.prepare("SELECT holder, expires_at AS expiresAt FROM leases WHERE name = 'outbox'").get() as { holder: string; expiresAt: number } | undefined) : undefined;
    return { exists: true, known, mode, integrity, applied: recorded.length, pending, unknown, ...(lease ? { lease } : {}) };
  } catch (err) {
    return { exists: true, known, mode, openError: (err as Error).message.split('\n')[0] };
  } finally {
    db.close();
  }
}
