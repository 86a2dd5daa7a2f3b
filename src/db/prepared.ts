// Statements on the hot path (every message) are prepared once per connection: drizzle otherwise
// builds and prepares the SQL on every call, which costs more than running it.
import type { Db } from './client';

const caches = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    cache.set(key, statement);
  }
  return statement;
}
