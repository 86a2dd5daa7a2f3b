// Who holds a lease, precisely enough to tell whether that process still runs: its host, its pid
// and the moment the process started. The start time matters: after a restart the new process may
// get the old one's pid (always pid 1 in a container), and must not wait for "itself".
import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';

export interface Holder {
  host: string;
  pid: number;
  /** The process's start, as the kernel counts it (/proc/PID/stat); '-' where unknown. */
  started: string;
}

/** The start time of a process as /proc shows it, or undefined (no /proc, or no such process). */
export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** This process as a lease names it: host:pid:start:nonce (the nonce tells schedulers of one process apart). */
export function thisHolder(): string {
  return `${os.hostname()}:${process.pid}:${processStart(process.pid) ?? '-'}:${randomBytes(4).toString('hex')}`;
}

export function parseHolder(holder: string): Holder | undefined {
  const parts = holder.split(':');
  const pid = Number(parts[1]);
  if (parts.length < 3 || !Number.isInteger(pid) || pid <= 0) return undefined;
  // Older holders (host:pid:nonce) carry no start time.
  return { host: parts[0]!, pid, started: parts.length >= 4 ? parts[2]! : '-' };
}

export type Liveness = 'alive' | 'gone' | 'elsewhere' | 'unknown';

/**
 * Whether the process behind a holder still runs: 'gone' only when that is certain (same host, and
 * the pid is free or belongs to a process started at another moment); 'elsewhere' for another
 * host, where only the lease's expiry can tell.
 */
export function liveness(holder: string): Liveness {
  const h = parseHolder(holder);
  if (!h) return 'unknown';
  if (h.host !== os.hostname()) return 'elsewhere';
  const started = processStart(h.pid);
  if (started !== undefined) return h.started === '-' || h.started === started ? 'alive' : 'gone';
  if (h.pid === process.pid) return 'alive'; // no /proc: cannot tell this process from an earlier one
  try {
    process.kill(h.pid, 0);
    return 'alive';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'alive';
  }
}
