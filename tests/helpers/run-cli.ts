// Runs `panelbot` as a user would: in a child process (`panelbot`), or in this process (`cli`),
// which is much faster and is how most CLI tests run the commands.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { runCli } from '../../src/cli/index';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/panelbot.mjs');

export function panelbot(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], { input: options.input ?? '', env, cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 150_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The command line run in this process on a database, its standard output and error captured
 * (restore them with vi.restoreAllMocks() after each test).
 */
export function cli(dbPath: string) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  let dir: string | undefined;
  return {
    run: (...args: string[]) => runCli(['--db', dbPath, ...args]),
    /** What went to standard output since the last call. */
    out: () => out.splice(0).join(''),
    /** What went to standard error since the last call. */
    err: () => err.splice(0).join(''),
    /** The same as lines, without the line saying the example panel is used. */
    errLines: () => err.splice(0).join('').split('\n').filter((l) => l && !l.includes('using the example panel')),
    /** Writes a file in a temporary folder and returns its path. */
    file: (name: string, text: string) => {
      dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-cli-'));
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    },
  };
}
