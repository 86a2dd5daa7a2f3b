// `panelbot backup FILE`: a consistent copy of the live database (SQLite's online backup API),
// readable by its owner only. Restore: stop panelbot, copy the file to the database path.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './args';
import type { CliContext } from './context';
import { backupDb } from '../db/client';
import { audit } from '../db/repos/audit';
import { operator } from './operator';

export async function backupCommand(ctx: CliContext): Promise<number> {
  const target = ctx.args.positionals[0];
  if (!target) throw new UsageError('backup needs a file: panelbot backup FILE');
  if (fs.existsSync(target)) {
    ctx.err(`panelbot: ${target} already exists; choose a new file name`);
    return 1;
  }
  const app = ctx.openApp();
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  fs.closeSync(fs.openSync(target, 'w', 0o600));
  const result = await backupDb(app.db, target);
  fs.chmodSync(target, 0o600);
  audit(app.db, operator(), 'backup', path.basename(target), app.services.clock.now());
  ctx.out(`Backup written to ${target} (${result.totalPages} pages).`);
  return 0;
}
