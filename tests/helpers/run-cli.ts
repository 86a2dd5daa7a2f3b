// Runs the real `panelbot` command in a child process, as a user would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/panelbot.mjs');

export function panelbot(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], { input: options.input ?? '', env, cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
