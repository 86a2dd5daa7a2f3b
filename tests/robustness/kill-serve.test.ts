// The real `panelbot serve`, killed with SIGKILL again and again: first while citizens register over
// Telegram (the real grammY against the fake Bot API on loopback), then during a reminder broadcast.
// Counted by kind: registrations lost or with a wrong field (0), messages received twice (only the
// one in flight at a kill, at most one per kill per chat), how soon a restarted process sends the
// outbox again (seconds: the dead process's lease is taken over at once), and reminders that arrived
// after their expiry (0).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { enqueue } from '../../src/db/repos/outbox';
import { FAKE_TOKEN, FakeBotApi } from '../fakes/telegram-bot-api';
import { random } from '../helpers/cohort';
import { tempDbPath, testPanel } from '../helpers/chat';
import { ENGLISH_ANSWERS } from '../helpers/register';
import { BIN, ROOT } from '../helpers/run-cli';

const CITIZENS = 10;
const KILLS_REGISTERING = 3;
const KILLS_BROADCAST = 2;
const REMINDERS_EACH = 4;
/** A reminder's arrival at the fake may trail its dispatch by the loopback hop, on a loaded machine. */
const HOP_MS = 1000;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const firstName = (i: number) => `Marie${LETTERS[i]}`;
const lastName = (i: number) => `Peeters${LETTERS[i]}`;
const chatOf = (i: number) => 7_100 + i;

/** The example panel with its registration window open whatever the day: serve runs on the real clock here. */
function alwaysOpenConfig(dir: string): string {
  const file = path.join(dir, 'panel.yaml');
  const text = fs
    .readFileSync(path.join(ROOT, 'panel.example.yaml'), 'utf8')
    .replace(/opens: \S+/, 'opens: 2020-01-01')
    .replace(/closes: \S+/, 'closes: 2099-12-30')
    .replace(/drawDate: \S+/, 'drawDate: 2099-12-31');
  fs.writeFileSync(file, text);
  return file;
}

interface Received {
  text: string;
  at: number;
}

describe('SIGKILL of the real serve', () => {
  let fake: FakeBotApi;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await fake?.close();
  });

  it('loses nothing, writes no wrong field, sends again only what was in flight, and resumes the outbox at once', async () => {
    fake = await FakeBotApi.start();
    const received = new Map<number, Received[]>();
    fake.onSent = (m) => {
      const list = received.get(m.chatId) ?? [];
      list.push({ text: m.text ?? '', at: Date.now() });
      received.set(m.chatId, list);
    };
    const dbPath = tempDbPath('kill-serve');
    const setup = testPanel({ dbPath });
    const codes = setup.invite(CITIZENS, 'nl');
    setup.close();
    const config = alwaysOpenConfig(path.dirname(dbPath));

    const stderr: string[] = [];
    const starts: number[] = [];
    const began = Date.now();
    const serve = async () => {
      const spawnedAt = Date.now();
      const proc = spawn(process.execPath, [BIN, '--db', dbPath, '--config', config, 'serve'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        proc.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          if (err.includes('panelbot: running')) resolve();
        });
        void exited.then(() => reject(new Error(`serve exited while starting: ${err.slice(-500)}`)));
      });
      // What it logged while starting (the lease is taken then), and everything after.
      stderr.push(err);
      const at = stderr.length - 1;
      proc.stderr!.on('data', (d: Buffer) => (stderr[at] = err));
      child = proc;
      starts.push(Date.now() - spawnedAt);
      return { proc, exited, readyAt: Date.now() };
    };
    const rnd = random(20_261_201);
    // What was in flight at each kill: the messages the fake had accepted and not yet answered.
    const inFlightAtKill: Array<Array<{ chat: number; text: string }>> = [];
    const kill = async (run: { proc: ChildProcess; exited: Promise<void> }) => {
      // From now on nothing is answered; a second lets the process record everything answered before.
      fake.holding = true;
      await new Promise((r) => setTimeout(r, 1000));
      inFlightAtKill.push([...fake.held].map((m) => ({ chat: m.chatId, text: m.text ?? '' })));
      run.proc.kill('SIGKILL');
      await run.exited;
      // Anything the dead process had written to its sockets is read before the next start.
      await new Promise((r) => setTimeout(r, 300));
      fake.release();
    };
    const totalSent = () => fake.sent.length;

    // ---- Registrations: each citizen answers once the bot confirmed the previous update (reads, then types).
    const journeys = codes.map(async (code, i) => {
      const answers = ['/start', ...ENGLISH_ANSWERS(code).map((a) => (a === 'Ann' ? firstName(i) : a === 'Peeters' ? lastName(i) : a))];
      for (const text of answers) {
        const id = fake.push({ message: { message_id: 0, date: Math.floor(Date.now() / 1000), chat: { id: chatOf(i), type: 'private', first_name: 'Test' }, from: { id: chatOf(i), is_bot: false, first_name: 'Test', language_code: 'en' }, text } });
        await fake.handled(id);
      }
    });
    let done = false;
    const allRegistered = Promise.all(journeys).then(() => (done = true));
    for (let k = 0; k < KILLS_REGISTERING && !done; k++) {
      const run = await serve();
      const target = totalSent() + 15 + Math.floor(rnd() * 40);
      while (!done && totalSent() < target) await new Promise((r) => setTimeout(r, 5));
      await kill(run);
    }
    let run = await serve();
    await allRegistered;
    const killsRegistering = inFlightAtKill.length;
    const registeringMs = Date.now() - began;

    // ---- A broadcast: reminders, some of which expire while it goes out.
    await kill(run);
    const db = openDb(dbPath);
    const now = Date.now();
    const expiry = new Map<string, number>();
    db.$client.transaction(() => {
      for (let r = 0; r < REMINDERS_EACH; r++) {
        for (let i = 0; i < CITIZENS; i++) {
          const text = `Reminder ${r} for chat ${chatOf(i)}`;
          // The last round expires soon: a restart or the per-chat pace may make it too late.
          const expiresAt = now + (r === REMINDERS_EACH - 1 ? 4_000 : 600_000);
          expiry.set(text, expiresAt);
          enqueue(db, { personId: null as unknown as number, kind: 'reminder', payload: { outbound: { text } }, dueAt: new Date(now), expiresAt: new Date(expiresAt), idempotencyKey: `kill-serve:${r}:${i}`, channel: 'telegram', userId: String(chatOf(i)) }, new Date(now));
        }
      }
    })();
    const reminders = () => [...received.values()].flat().filter((m) => m.text.startsWith('Reminder '));
    const resumedAfterMs: number[] = [];
    const pending = () => (db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'claimed')").get() as { n: number }).n;
    for (let k = 0; k <= KILLS_BROADCAST; k++) {
      const before = reminders().length;
      run = await serve();
      if (pending() > 0) {
        while (reminders().length === before) await new Promise((r) => setTimeout(r, 5));
        resumedAfterMs.push(Math.max(0, reminders().find((_, j) => j === before)!.at - run.readyAt));
      }
      if (k === KILLS_BROADCAST) break;
      const target = reminders().length + 3 + Math.floor(rnd() * 8);
      while (pending() > 0 && reminders().length < target) await new Promise((r) => setTimeout(r, 5));
      await kill(run);
    }
    while (pending() > 0) await new Promise((r) => setTimeout(r, 20));
    run.proc.kill('SIGTERM');
    await run.exited;
    child = undefined;

    // ---- Lost or wrong: every citizen registered once, with their own names.
    const rows = db.$client
      .prepare(`SELECT i.user_id AS chat, r.first_name AS first, r.last_name AS last, r.birth_date AS birth, r.postcode AS postcode, r.status AS status
                FROM registrations r JOIN identities i ON i.person_id = r.person_id AND i.channel = 'telegram'`)
      .all() as Array<{ chat: string; first: string; last: string; birth: string; postcode: string; status: string }>;
    const wrong = rows.filter((r) => {
      const i = Number(r.chat) - chatOf(0);
      return r.first !== firstName(i) || r.last !== lastName(i) || r.birth !== '1990-03-21' || r.postcode !== '9000' || r.status !== 'registered';
    });
    const outcome = db.$client.prepare("SELECT status || coalesce(':' || skip_reason, '') AS s, count(*) AS n FROM outbox WHERE idempotency_key LIKE 'kill-serve:%' GROUP BY s").all() as Array<{ s: string; n: number }>;
    const sentKeys = db.$client.prepare("SELECT payload FROM outbox WHERE idempotency_key LIKE 'kill-serve:%' AND status = 'sent'").all() as Array<{ payload: string }>;
    db.$client.close();

    // ---- Duplicates: a text a chat received more than once. Each extra copy must have been in flight at a kill.
    const duplicates: Array<{ chat: number; text: string; copies: number; explained: number }> = [];
    for (const [chat, list] of received) {
      const counts = new Map<string, number>();
      for (const m of list) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
      for (const [text, copies] of counts) {
        if (copies < 2) continue;
        const explained = inFlightAtKill.filter((held) => held.some((m) => m.chat === chat && m.text === text)).length;
        duplicates.push({ chat, text: text.slice(0, 40), copies, explained });
      }
    }
    const isReminder = (d: { text: string }) => d.text.startsWith('Reminder ');
    const late = reminders().filter((m) => m.at > expiry.get(m.text)! + HOP_MS);
    const extraCopies = (list: typeof duplicates) => list.reduce((n, d) => n + d.copies - 1, 0);
    console.log(
      `kill serve: ${CITIZENS} citizens, ${inFlightAtKill.length} kills (${killsRegistering} registering, ${inFlightAtKill.length - killsRegistering} broadcasting); ` +
        `in flight at the kills ${inFlightAtKill.map((h) => h.length).join('/')}; registrations ${rows.length}, wrong ${wrong.length}; extra copies: replies ${extraCopies(duplicates.filter((d) => !isReminder(d)))}, ` +
        `reminders ${extraCopies(duplicates.filter(isReminder))}; outbox resumed ${resumedAfterMs.map((ms) => `${ms} ms`).join(', ')} after start; ` +
        `reminders ${JSON.stringify(Object.fromEntries(outcome.map((o) => [o.s, o.n])))}, after expiry ${late.length}; ` +
        `registering ${registeringMs} ms, total ${Date.now() - began} ms, start-up of serve ${starts.join('/')} ms`,
    );

    // One more kill between the two parts (the broadcast is queued while no process runs).
    expect(inFlightAtKill.length).toBe(KILLS_REGISTERING + 1 + KILLS_BROADCAST);
    expect(rows).toHaveLength(CITIZENS);
    expect(wrong).toEqual([]);
    // At most one message in flight per chat at a kill; only those came again, at most once per kill.
    expect(inFlightAtKill.filter((held) => new Set(held.map((m) => m.chat)).size !== held.length)).toEqual([]);
    expect(duplicates.filter((d) => d.copies - 1 > d.explained)).toEqual([]);
    // Every sent reminder arrived; the ones that could not go in time were skipped as too late.
    const texts = new Set(reminders().map((m) => m.text));
    expect(sentKeys.map((r) => (JSON.parse(r.payload) as { outbound: { text: string } }).outbound.text).filter((t) => !texts.has(t))).toEqual([]);
    expect(outcome.filter((o) => o.s !== 'sent' && o.s !== 'skipped:too_late')).toEqual([]);
    expect(late).toEqual([]);
    // The restarted process took the dead one's lease at once, and said so.
    expect(resumedAfterMs.filter((ms) => ms >= 5_000)).toEqual([]);
    const lease = (log: string) =>
      log
        .split('\n')
        .filter((l) => l.startsWith('{') && l.includes('outbox'))
        .map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(stderr.slice(1).map(lease).filter((msgs) => !msgs.some((m) => m.includes('which no longer runs') && m.includes('took it over at once')))).toEqual([]);
    expect(stderr.flatMap(lease).filter((m) => m.includes('waits'))).toEqual([]);
  }, 420_000);
});
