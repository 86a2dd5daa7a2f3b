// panelbot's Telegram adapter fed the same updates through bot.handleUpdate: a grammY Bot whose
// only middleware hands the update to the adapter's UpdateHandler (what polling and the webhook
// call), with replies sent through TelegramSender and its queue. The queue's pace (25 a second,
// for Telegram's limit) is set to none here: this measures the work per update, not the platform.
import path from 'node:path';
import { Bot } from 'grammy';
import { createApp } from '../../src/app';
import { ManualClock } from '../../src/core/panel/clock';
import { UpdateHandler } from '../../src/bots/telegram/handler';
import { CallbackCodec } from '../../src/bots/telegram/render';
import { DEFAULT_PACE, SendQueue } from '../../src/bots/telegram/send-queue';
import { TelegramSender } from '../../src/bots/telegram/sender';
import { realTiming } from '../../src/bots/telegram/timing';
import { registrations } from '../../src/db/schema/index';
import { count, eq } from 'drizzle-orm';
import { BENCH_API_ROOT, BENCH_BOT, BENCH_TOKEN, localBotApi } from '../local-bot-api';
import { BENCH_START, inviteCodes } from '../population';
import { registrationUpdates } from '../telegram-updates';
import { timed } from './timing';

export async function run(spec: { dir: string; codes: string[]; warmup: number }) {
  const clock = new ManualClock(BENCH_START);
  const app = createApp({ dbPath: path.join(spec.dir, 'adapter.db'), clock });
  inviteCodes(app.db, spec.codes);
  const api = localBotApi();
  const bot = new Bot(BENCH_TOKEN, { botInfo: BENCH_BOT, client: { apiRoot: BENCH_API_ROOT, fetch: api.fetch } });
  const codec = new CallbackCodec();
  const log = app.services.log;
  const sender = new TelegramSender(bot.api, app.db, new SendQueue(realTiming, { ...DEFAULT_PACE, globalGapMs: 0, bulkChatGapMs: 0 }), codec, log);
  sender.setReady(true);
  const handler = new UpdateHandler({ api: bot.api, db: app.db, engine: app.engine, sender, codec, log });
  bot.use(async (ctx) => {
    clock.advance(10);
    await handler.handle(ctx.update);
  });
  const registered = () => app.db.select({ n: count() }).from(registrations).where(eq(registrations.status, 'registered')).get()!.n;
  for (const update of registrationUpdates(spec.codes.slice(0, spec.warmup), 500_000)) await bot.handleUpdate(update);
  const updates = registrationUpdates(spec.codes.slice(spec.warmup));
  const before = registered();
  const result = await timed(updates.length, async () => {
    for (const update of updates) await bot.handleUpdate(update);
    app.engine.flushDeliveries();
  });
  const done = registered() - before;
  app.close();
  return { ...result, registered: done, apiCalls: Object.fromEntries(api.calls) };
}
