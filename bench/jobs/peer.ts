// The conventional grammY bot fed the registration updates through bot.handleUpdate.
import path from 'node:path';
import { conventionalBot, openPeerDb } from '../peer/conventional-bot';
import { localBotApi } from '../local-bot-api';
import { registrationUpdates } from '../telegram-updates';
import { timed } from './timing';

export async function run(spec: { dir: string; codes: string[]; warmup: number }) {
  const db = openPeerDb(path.join(spec.dir, 'peer.db'));
  const insert = db.prepare('INSERT INTO invitations (code) VALUES (?)');
  db.transaction(() => spec.codes.forEach((c) => insert.run(c)))();
  const api = localBotApi();
  const bot = conventionalBot(db, api.fetch);
  const warm = registrationUpdates(spec.codes.slice(0, spec.warmup), 500_000);
  for (const update of warm) await bot.handleUpdate(update);
  const updates = registrationUpdates(spec.codes.slice(spec.warmup));
  const result = await timed(updates.length, async () => {
    for (const update of updates) await bot.handleUpdate(update);
  });
  const registered = (db.prepare('SELECT count(*) AS n FROM registrations').get() as { n: number }).n - spec.warmup;
  db.close();
  return { ...result, registered, apiCalls: Object.fromEntries(api.calls) };
}
