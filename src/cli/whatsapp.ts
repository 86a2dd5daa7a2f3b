// `panelbot whatsapp qr`: the current login QR code, drawn again (while `serve` waits for a login),
// with the path of its picture.
import fs from 'node:fs';
import { UsageError } from './args';
import type { CliContext } from './context';
import { dbFile } from '../db/client';
import { whatsappDataDir } from '../bots/whatsapp/paths';
import { drawQr, qrFiles } from '../bots/whatsapp/qr';

/** WhatsApp renews the code about every 20 seconds: an older file is no longer valid. */
const FRESH_MS = 60_000;

export async function whatsappCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals[0] !== 'qr') throw new UsageError('use "whatsapp qr"');
  const app = ctx.openApp();
  const files = qrFiles(whatsappDataDir(ctx.settings.PANELBOT_DATA_DIR, dbFile(app.db)));
  const stat = fs.existsSync(files.text) ? fs.statSync(files.text) : undefined;
  if (!stat || Date.now() - stat.mtimeMs > FRESH_MS) {
    ctx.err('panelbot: no login QR code waiting: WhatsApp is logged in, or panelbot is not running with WHATSAPP_ENABLED (start it with npm start).');
    return 1;
  }
  for (const line of drawQr(fs.readFileSync(files.text, 'utf8'))) ctx.out(line);
  ctx.out(`Scan it in WhatsApp > Settings > Linked devices > Link a device. Picture: ${files.png}`);
  return 0;
}
