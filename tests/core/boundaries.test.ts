// The layers' boundaries, read from the import lines:
// - src/core knows no platform: no grammY, Bolt, whatsapp-web.js, puppeteer, and nothing from src/bots.
// - SQL lives in src/db: no file of src outside src/db imports drizzle-orm, better-sqlite3 or the
//   schema, or reaches for the SQLite client ($client). The CLI opens the database through
//   src/db/client (openDb) and reads and writes through the stores, like everyone else. Tests and
//   bench/ are outside this rule: they look into the tables to check what was stored.
// - src/db imports nothing from the domains (src/core, src/bots, src/cli, src/config), not even a
//   type: the store declares the outline of what it keeps (a frame's flow and step, an outbox
//   payload) and is generic over the rest, so the core names its own shapes when it reads them
//   back. The few words both sides share (languages, channels, an address) live in src/vocabulary.ts,
//   which itself imports nothing of the project.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every module a file imports or re-exports from, with whether the statement is type-only. */
export function importsOf(source: string): Array<{ from: string; typeOnly: boolean }> {
  const found: Array<{ from: string; typeOnly: boolean }> = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(statement)) {
    const from = m[4] ?? m[5] ?? m[6]!;
    found.push({ from, typeOnly: Boolean(m[2]) });
  }
  return found;
}

const SQL_LIBRARY = /^(drizzle-orm|better-sqlite3)(\/|$)/;
const outsideDb = () => files('src').filter((f) => !f.startsWith(path.join('src', 'db') + path.sep));

/** Files outside src/db that reach SQL directly: for `dir`'s files, which offend and why. */
export function sqlOffenders(list: string[], read: (f: string) => string = (f) => fs.readFileSync(f, 'utf8')): string[] {
  return list.flatMap((f) => {
    const source = read(f);
    const bad = importsOf(source)
      .filter(({ from }) => SQL_LIBRARY.test(from) || /(^|\/)db\/schema(\/|$)/.test(from))
      .map(({ from }) => `${f} imports ${from}`);
    if (/\.\$client\b/.test(source)) bad.push(`${f} uses the SQLite client`);
    return bad;
  });
}

/** Imports of src/db files from the domains, type-only ones included. */
export function domainImportsOfDb(list: string[], read: (f: string) => string = (f) => fs.readFileSync(f, 'utf8')): string[] {
  return list.flatMap((f) =>
    importsOf(read(f))
      .filter(({ from }) => /^(\.\.\/)+(core|bots|cli|config)(\/|$)/.test(from))
      .map(({ from }) => `${f} imports ${from}`),
  );
}

describe('the core', () => {
  it('imports no platform library and nothing from src/bots', () => {
    const offenders = files('src/core').filter((f) => /from ['"](grammy|@grammyjs\/|@slack\/|whatsapp-web\.js|puppeteer)|from ['"][./]*\/bots\//.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('SQL lives in src/db', () => {
  it('no file outside src/db imports drizzle-orm, better-sqlite3 or the schema, or uses the SQLite client', () => {
    expect(sqlOffenders(outsideDb())).toEqual([]);
  });

  it('the check sees a dialogue that imports drizzle-orm (it can fail)', () => {
    const dialogue = "import { eq } from 'drizzle-orm';\nimport type { Flow } from '../conversation/flow';\n";
    expect(sqlOffenders(['src/core/needs/dialogue.ts'], () => dialogue)).toEqual(['src/core/needs/dialogue.ts imports drizzle-orm']);
    expect(sqlOffenders(['src/cli/x.ts'], () => "import Database from 'better-sqlite3';")).toHaveLength(1);
    expect(sqlOffenders(['src/bots/x.ts'], () => "import { people } from '../../db/schema/index';")).toHaveLength(1);
    expect(sqlOffenders(['src/bots/x.ts'], () => 'db.$client.prepare("SELECT 1")')).toHaveLength(1);
  });

  it('src/db imports nothing from the domains (core, bots, cli, config), not even a type', () => {
    expect(domainImportsOfDb(files('src/db'))).toEqual([]);
  });

  it('the check sees a store that imports a type from the core (it can fail)', () => {
    const store = "import type { Frame } from '../../core/conversation/flow';\nimport type { Language } from '../../vocabulary';\n";
    expect(domainImportsOfDb(['src/db/repos/x.ts'], () => store)).toEqual(['src/db/repos/x.ts imports ../../core/conversation/flow']);
  });

  it('src/vocabulary.ts, which both may import, imports nothing of the project', () => {
    expect(importsOf(fs.readFileSync('src/vocabulary.ts', 'utf8')).filter(({ from }) => from.startsWith('.'))).toEqual([]);
  });
});
