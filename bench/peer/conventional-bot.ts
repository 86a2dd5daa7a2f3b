// The conventional peer: the same registration written the way most grammY bots are, with
// @grammyjs/conversations (a function that awaits each answer, replayed on every update) and its
// state in SQLite through a {read, write, delete} storage adapter on a sessions table.
// English texts inline (no i18n), so the peer does a little less work than panelbot per message.
import Database from 'better-sqlite3';
import { Bot, InlineKeyboard, type Context } from 'grammy';
import { conversations, createConversation, type Conversation, type ConversationFlavor } from '@grammyjs/conversations';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { BENCH_API_ROOT, BENCH_BOT, BENCH_TOKEN } from '../local-bot-api';

type Ctx = ConversationFlavor<Context>;
type Convo = Conversation<Ctx, Context>;

export function openPeerDb(file: string): Database.Database {
  const db = new Database(file);
  // The same settings as panelbot's store, so the comparison is about the code, not the disk.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS invitations (code TEXT PRIMARY KEY, claimed_by TEXT);
    CREATE TABLE IF NOT EXISTS registrations (chat_id TEXT PRIMARY KEY, code TEXT NOT NULL, first_name TEXT, last_name TEXT,
      birth_date TEXT, gender TEXT, postcode TEXT, education TEXT, nationality TEXT, eu_vote TEXT, phone TEXT, registered_at INTEGER);`);
  return db;
}

/** The storage adapter most bots write for better-sqlite3. */
function sqliteStorage<T>(db: Database.Database) {
  const read = db.prepare('SELECT value FROM sessions WHERE key = ?');
  const write = db.prepare('INSERT INTO sessions (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM sessions WHERE key = ?');
  return {
    read: (key: string) => {
      const row = read.get(key) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    write: (key: string, value: T) => void write.run(key, JSON.stringify(value)),
    delete: (key: string) => void remove.run(key),
  };
}

const LANGUAGES: Record<string, string> = { english: 'en', français: 'fr', francais: 'fr', nederlands: 'nl', deutsch: 'de' };
const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{9}$/;

export function conventionalBot(db: Database.Database, fetchImpl: typeof fetch): Bot<Ctx> {
  const bot = new Bot<Ctx>(BENCH_TOKEN, { botInfo: BENCH_BOT, client: { apiRoot: BENCH_API_ROOT, fetch: fetchImpl } });
  const findCode = db.prepare('SELECT claimed_by FROM invitations WHERE code = ?');
  const claim = db.prepare('UPDATE invitations SET claimed_by = ? WHERE code = ? AND claimed_by IS NULL');
  const insert = db.prepare(
    `INSERT INTO registrations (chat_id, code, first_name, last_name, birth_date, gender, postcode, education, nationality, eu_vote, phone, registered_at)
     VALUES (@chatId, @code, @firstName, @lastName, @birthDate, @gender, @postcode, @education, @nationality, @euVote, @phone, @at)`,
  );

  /** Asks until the answer is valid: the usual wait loop. */
  async function ask<T>(conversation: Convo, ctx: Context, question: string, parse: (text: string) => T | undefined, retry: string, buttons?: string[]): Promise<T> {
    const markup = buttons ? { reply_markup: buttons.reduce((kb, b) => kb.text(b, b).row(), new InlineKeyboard()) } : {};
    await ctx.reply(question, markup);
    for (;;) {
      const answer = await conversation.waitFor(['message:text', 'callback_query:data']);
      const text = answer.message?.text ?? answer.callbackQuery?.data ?? '';
      if (answer.callbackQuery) await answer.answerCallbackQuery();
      const value = parse(text.trim());
      if (value !== undefined) return value;
      await answer.reply(retry, markup);
    }
  }
  const oneOf = (options: string[]) => (text: string) => options.find((o) => o.toLowerCase() === text.toLowerCase());
  const yesNo = oneOf(['Yes', 'No']);

  async function register(conversation: Convo, ctx: Context): Promise<void> {
    const chatId = String(ctx.chat!.id);
    const first = ctx.message?.text?.trim().toLowerCase() ?? '';
    if (!LANGUAGES[first]) {
      await ask(conversation, ctx, 'Welcome! Which language? Français, Nederlands, Deutsch, English', (t) => LANGUAGES[t.toLowerCase()], 'Please choose a language.', ['Français', 'Nederlands', 'Deutsch', 'English']);
    }
    await ctx.reply('Fine, we will continue in English.');
    const code = await ask(
      conversation,
      ctx,
      'Please type the code printed on your invitation letter (9 letters and digits, for example K7M-2QX-9PR).',
      (t) => {
        const c = t.toUpperCase().replace(/[\s-]/g, '');
        return CODE.test(c) ? c : undefined;
      },
      'That does not look like a code from the letter. Please type it again.',
    );
    const known = await conversation.external(() => findCode.get(code) as { claimed_by: string | null } | undefined);
    if (!known || known.claimed_by) {
      await ctx.reply('I do not know this code, or it was used already. Please call the helpline.');
      return;
    }
    await ctx.reply(`Thank you, code ${code} is valid.`);
    await ask(conversation, ctx, 'The panel brings together residents drawn by lot… (dates, compensation, privacy).', oneOf(['continue']), 'Please press Continue.', ['Continue']);
    const consent = await ask(conversation, ctx, 'Do you agree that we keep your answers for the draw and the organisation of the panel?', yesNo, 'Please answer Yes or No.', ['Yes', 'No']);
    if (consent !== 'Yes') return void (await ctx.reply('Without your consent we cannot register you.'));
    const name = (t: string) => (/^\p{L}[\p{L} '-]{0,59}$/u.test(t) ? t : undefined);
    const firstName = await ask(conversation, ctx, 'What is your first name?', name, 'Please type your first name in letters only.');
    const lastName = await ask(conversation, ctx, 'What is your last name?', name, 'Please type your last name in letters only.');
    const birthDate = await ask(
      conversation,
      ctx,
      'What is your date of birth? Write day/month/year, for example 21/03/1990.',
      (t) => {
        const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
        if (!m) return undefined;
        const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
        return d.getUTCDate() === Number(m[1]) ? d.toISOString().slice(0, 10) : undefined;
      },
      'I could not read that date. Please write day/month/year.',
    );
    const gender = await ask(conversation, ctx, 'What is your gender?', oneOf(['Woman', 'Man', 'Non-binary', 'In my own words']), 'Please choose one.', ['Woman', 'Man', 'Non-binary', 'In my own words']);
    const postcode = await ask(conversation, ctx, 'What is the postcode where you live? (4 digits)', (t) => (/^[1-9]\d{3}$/.test(t) ? t : undefined), 'A Belgian postcode has 4 digits.');
    const education = await ask(conversation, ctx, 'What is your highest level of education?', oneOf(['No diploma', 'Primary school', 'Lower secondary', 'Upper secondary', 'Higher education, not university', 'University', 'Other']), 'Please choose one.', ['No diploma', 'Primary school', 'Lower secondary', 'Upper secondary', 'Higher education, not university', 'University', 'Other']);
    const nationality = await ask(conversation, ctx, 'What is your nationality?', oneOf(['Belgian', 'Another EU country', 'A country outside the EU']), 'Please choose one.', ['Belgian', 'Another EU country', 'A country outside the EU']);
    const euVote = await ask(conversation, ctx, 'Do you have the right to vote in the European elections in Belgium?', oneOf(['Yes', 'No', "I don't know"]), 'Please choose one.', ['Yes', 'No', "I don't know"]);
    for (const question of ['Do you hold a political office?', 'Are you employed by a political party?', 'Are you a serving diplomat?', 'Do you work for the organisers?']) {
      if ((await ask(conversation, ctx, question, yesNo, 'Please answer Yes or No.', ['Yes', 'No'])) === 'Yes') return void (await ctx.reply('Sorry, you cannot take part.'));
    }
    if ((await ask(conversation, ctx, 'Can you be there on every panel day?', yesNo, 'Please answer Yes or No.', ['Yes', 'No'])) !== 'Yes') return void (await ctx.reply('Sorry, the panel needs you on every day.'));
    const phone = await ask(
      conversation,
      ctx,
      'How can the team reach you? Type your phone number.',
      (t) => {
        const p = parsePhoneNumberFromString(t, 'BE');
        return p?.isValid() ? p.number : undefined;
      },
      'Please type a Belgian phone number.',
    );
    const summary = `Please check your answers:\n• ${firstName} ${lastName}\n• ${birthDate}\n• ${gender}\n• ${postcode}\n• ${education}\n• ${nationality}\n• ${euVote}\n• ${phone}`;
    await ask(conversation, ctx, summary, oneOf(['Yes, register me']), 'Please confirm.', ['Yes, register me']);
    await conversation.external(() =>
      db.transaction(() => {
        if (claim.run(chatId, code).changes !== 1) throw new Error('code taken meanwhile');
        insert.run({ chatId, code, firstName, lastName, birthDate, gender, postcode, education, nationality, euVote, phone, at: Date.now() });
      })(),
    );
    await ctx.reply('You are registered, thank you! The draw takes place soon.');
  }

  bot.use(conversations({ storage: { type: 'key', adapter: versioned(sqliteStorage(db)) } }));
  bot.use(createConversation(register, 'register'));
  bot.on('message:text', (ctx) => ctx.conversation.enter('register'));
  return bot;
}

/** conversations v2 stores versioned state; the adapter keeps it as JSON like any session. */
function versioned<T>(storage: ReturnType<typeof sqliteStorage<T>>) {
  return storage as unknown as { read(key: string): T | undefined; write(key: string, value: T): void; delete(key: string): void };
}
