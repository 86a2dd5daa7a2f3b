// Where the WhatsApp channel keeps its files under the data folder.
import path from 'node:path';

/** Where WhatsApp keeps its files: PANELBOT_DATA_DIR, or the folder of the database file. */
export function whatsappDataDir(dataDir: string | undefined, dbFile: string): string {
  if (dataDir) return path.resolve(dataDir);
  return path.resolve(dbFile && dbFile !== ':memory:' ? path.dirname(dbFile) : './data');
}

/** The login session folder that LocalAuth writes (delete it to log in again with a new QR code). */
export function sessionDir(dataDir: string): string {
  return path.join(dataDir, 'whatsapp', 'session');
}
