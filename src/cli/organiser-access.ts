// Organiser commands (everything but `chat` and `serve`) are for organisers only. Who they are:
// the operating-system users in PANELBOT_ORGANISERS, or, when it is not set, the owner of the
// database file (which is readable by its owner only anyway).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CITIZEN_COMMANDS = new Set(['chat', 'serve']);

export function organiserRefusal(command: string, dbPath: string, organisers: string | undefined): string | undefined {
  if (CITIZEN_COMMANDS.has(command)) return undefined;
  // The real account, not PANELBOT_OPERATOR (which only names the operator in the audit log).
  const me = os.userInfo().username;
  if (organisers) {
    const allowed = organisers.split(',').map((u) => u.trim()).filter(Boolean);
    return allowed.includes(me) ? undefined : `panelbot: "${command}" is for organisers, and ${me} is not in PANELBOT_ORGANISERS.`;
  }
  const file = path.resolve(dbPath);
  if (!fs.existsSync(file)) return undefined;
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0 || fs.statSync(file).uid === uid) return undefined;
  return `panelbot: "${command}" is for organisers: run it as the owner of ${dbPath}, or list your user in PANELBOT_ORGANISERS.`;
}
