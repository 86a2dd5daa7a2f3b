// The store: the file opens, is sound (integrity_check), has every migration this code brings, is
// readable by its owner only, and whether a panelbot is sending its outbox now.
import os from 'node:os';
import { inspectDb, type DbInspection } from '../db/inspect';
import { liveness, parseHolder } from '../lease-holder';
import { fail, info, ok, warn, type Finding } from './findings';

const AREA = 'database';

export function checkDatabase(file: string, now = Date.now(), inspect: (file: string) => DbInspection = inspectDb): Finding[] {
  const db = inspect(file);
  if (!db.exists) return [warn(AREA, `${file} does not exist yet`, 'the first npm start creates it (or give --db / PANELBOT_DB if it is elsewhere)')];
  if (db.openError) return [fail(AREA, `${file} cannot be opened: ${db.openError}`, 'check the path and that this user can read it; if the file is damaged, restore the last backup (README: Backups and restoring)')];
  const findings: Finding[] = [];
  const integrity = db.integrity ?? [];
  if (integrity.length === 1 && integrity[0] === 'ok') findings.push(ok(AREA, `${file} opens, integrity_check ok`));
  else findings.push(fail(AREA, `${file} is damaged: integrity_check says "${(integrity[0] ?? '?').slice(0, 120)}"${integrity.length > 1 ? ` and ${integrity.length - 1} more` : ''}`, 'stop panelbot and restore the last backup (README: Backups and restoring)'));
  if (db.unknown) findings.push(fail(AREA, `${db.unknown} migrations in the file are newer than this panelbot`, 'run the panelbot version that wrote this database (or a newer one)'));
  else if (db.pending) findings.push(warn(AREA, `${db.pending} of ${db.known} migrations not applied yet`, 'the next start applies them: make a backup first (npx panelbot backup FILE)'));
  else findings.push(ok(AREA, `all ${db.known} migrations applied`));
  if (db.mode !== undefined && (db.mode & 0o077) !== 0) {
    findings.push(warn(AREA, `${file} can be read by other users (mode ${db.mode.toString(8)}); it holds personal data`, `chmod 600 ${file}`));
  }
  findings.push(leaseFinding(db.lease, now));
  return findings;
}

function leaseFinding(lease: DbInspection['lease'], now: number): Finding {
  if (!lease) return info(AREA, 'outbox: no panelbot is sending it now (no lease)');
  const holder = parseHolder(lease.holder);
  const state = liveness(lease.holder);
  const expired = lease.expiresAt <= now;
  if (state === 'alive') return info(AREA, `outbox: sent by the running panelbot, pid ${holder?.pid} on this host`);
  if (state === 'gone') return info(AREA, `outbox: the last panelbot (pid ${holder?.pid}) stopped without releasing it (crash or kill); the next start takes it over at once`);
  if (state === 'elsewhere' && !expired) {
    return warn(AREA, `outbox: held by a panelbot on another host (${holder?.host}) until ${new Date(lease.expiresAt).toISOString()}`, `run one panelbot per database file; this one (${os.hostname()}) waits until that one stops`);
  }
  return info(AREA, `outbox: the last holder's lease ${expired ? 'has expired' : 'cannot be checked'}; the next start takes it`);
}
