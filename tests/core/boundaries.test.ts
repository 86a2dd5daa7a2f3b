// src/core knows no platform: no grammY, Bolt, whatsapp-web.js, puppeteer, and nothing from src/bots.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('the core', () => {
  it('imports no platform library and nothing from src/bots', () => {
    const offenders = files('src/core').filter((f) => /from ['"](grammy|@grammyjs\/|@slack\/|whatsapp-web\.js|puppeteer)|from ['"][./]*\/bots\//.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
