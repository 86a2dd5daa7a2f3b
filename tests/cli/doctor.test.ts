// `panelbot doctor` on broken installations, in-process: each broken thing gets one line saying what
// is wrong and what to do, and the exit code says whether something must be fixed. No internet:
// getMe and auth.test (only with --online) go to the fake Bot API and the fake Slack Web API on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDb, closeDb } from '../../src/db/client';
import { readSettingsLeniently } from '../../src/config/settings';
import { runDoctor, type Finding } from '../../src/doctor/index';
import { checkEnvironment, meetsEngines } from '../../src/doctor/environment';
import { checkDatabase } from '../../src/doctor/database';
import { checkPanel } from '../../src/doctor/panel';
import { thisHolder } from '../../src/lease-holder';
import { FAKE_TOKEN, FakeBotApi } from '../fakes/telegram-bot-api';
import { startFakeSlack } from '../fakes/slack-web-api';
import { tempDbPath } from '../helpers/chat';
import { ROOT } from '../helpers/run-cli';
import { runCli } from '../../src/cli/index';

const EXAMPLE = path.join(ROOT, 'panel.example.yaml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-doctor-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A database as `npm start` leaves it (migrated), closed. */
function soundDb(name: string): string {
  const file = tempDbPath(name);
  closeDb(openDb(file));
  return file;
}

function fakeChromium(name: string, versionLine: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `#!/bin/sh\necho "${versionLine}"\n`, { mode: 0o755 });
  return file;
}

function doctor(env: Record<string, string>, options: { db?: string; config?: string; online?: boolean; fetch?: typeof fetch } = {}) {
  const { settings, problems } = readSettingsLeniently(env);
  return runDoctor({
    settings,
    settingProblems: problems,
    dbPath: options.db ?? soundDb('doctor'),
    config: { file: options.config ?? EXAMPLE, example: false },
    online: options.online ?? false,
    nodeVersion: '22.12.0',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

const failures = (findings: Finding[], area?: string) => findings.filter((f) => f.status === 'fail' && (area === undefined || f.area === area));
const texts = (findings: Finding[]) => findings.map((f) => `${f.status} ${f.area}: ${f.text}`);

describe('panelbot doctor', () => {
  it('finds nothing to fix in a sound installation with no channel', async () => {
    const findings = await doctor({});
    expect(failures(findings)).toEqual([]);
    expect(texts(findings)).toEqual(
      expect.arrayContaining([
        'ok environment: Node 22.12.0 is supported (^20.19.0 || ^22.12.0 || >=24.0.0)',
        'ok environment: better-sqlite3 loads',
        'info telegram: not configured (TELEGRAM_BOT_TOKEN is not set)',
        expect.stringMatching(/^ok database: .* opens, integrity_check ok$/),
        expect.stringMatching(/^ok database: all \d+ migrations applied$/),
        'info database: outbox: no panelbot is sending it now (no lease)',
        expect.stringMatching(/^ok panel: Dutch: all \d+ texts$/),
      ]),
    );
  });

  it('names each wrong channel setting with what to do, never its value', async () => {
    const findings = await doctor({
      TELEGRAM_BOT_TOKEN: 'nonsense-token',
      SLACK_BOT_TOKEN: 'xoxp-123-user-token',
      SLACK_APP_TOKEN: 'xoxb-not-an-app-token',
      PANELBOT_WEB_PORT: '8484',
      PANELBOT_WEB_SECRET: 'short',
    });
    expect(texts(failures(findings))).toEqual([
      'fail telegram: setting TELEGRAM_BOT_TOKEN: expected a token from @BotFather, like 123456:ABC-DEF…',
      'fail web: setting PANELBOT_WEB_SECRET: at least 32 characters (e.g. openssl rand -hex 32)',
      'fail slack: SLACK_BOT_TOKEN is not a bot token (it should start with xoxb-)',
      'fail slack: SLACK_APP_TOKEN is not an app-level token (it should start with xapp-)',
      'fail slack: SLACK_ORGANISERS is not set: nobody may claim, answer or use /panel in Slack',
    ]);
    for (const f of failures(findings)) expect(f.fix).toBeTruthy();
    expect(JSON.stringify(findings)).not.toMatch(/nonsense-token|xoxp-123|xoxb-not|short"/);
    // A channel with a wrong setting is not reported as "not configured" as well.
    expect(texts(findings).filter((t) => t.startsWith('info telegram'))).toEqual([]);
    expect(texts(findings)).toContain('warn web: PANELBOT_PUBLIC_URL is not set: letters cannot carry the web chat\'s link');
  });

  it('checks Slack\'s mode: a signing secret without a bot token, or HTTP mode without a signing secret', async () => {
    expect(texts(failures(await doctor({ SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' })))).toEqual([
      'fail slack: SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not, so Slack does not start',
    ]);
    expect(texts(failures(await doctor({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_ORGANISERS: 'U1' })))).toEqual([
      'fail slack: setting SLACK_SIGNING_SECRET: needed with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN (Socket Mode) is set',
    ]);
    const socket = await doctor({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_ORGANISERS: 'U1', SLACK_HELPLINE_CHANNEL: 'C1', SLACK_ALERTS_CHANNEL: 'C2' });
    expect(failures(socket)).toEqual([]);
    expect(texts(socket)).toContain('ok slack: Socket Mode (SLACK_APP_TOKEN): no public address needed');
  });

  it('checks WhatsApp\'s Chromium (missing, known not to work, good) and its session folder', async () => {
    const good = fakeChromium('chromium-156', 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)');
    const old = fakeChromium('chromium-100', 'Chromium 100.0.4896.127 built on Debian 11.3');
    const missing = await doctor({ WHATSAPP_ENABLED: '1', CHROMIUM_PATH: path.join(tmp, 'nowhere'), WHATSAPP_NUMBER: '32470123456' });
    expect(texts(failures(missing))).toEqual([`fail whatsapp: CHROMIUM_PATH: no Chromium at ${path.join(tmp, 'nowhere')} (on Debian: apt-get install chromium; see docs/whatsapp.md)`]);
    const bad = await doctor({ WHATSAPP_ENABLED: '1', CHROMIUM_PATH: old, WHATSAPP_NUMBER: '32470123456' });
    expect(texts(failures(bad))).toEqual([expect.stringContaining(`fail whatsapp: CHROMIUM_PATH: Chromium 100.0.4896.127 at ${old} is known not to work`)]);
    // A file where the data folder should be: the session folder cannot be made (root or not).
    const blocker = path.join(tmp, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const blocked = await doctor({ WHATSAPP_ENABLED: '1', CHROMIUM_PATH: good, PANELBOT_DATA_DIR: blocker, WHATSAPP_NUMBER: '32470123456' });
    expect(texts(failures(blocked))).toEqual([`fail whatsapp: the session folder ${blocker}/whatsapp/session cannot be written (${blocker} is a file, not a folder)`]);
    const fine = await doctor({ WHATSAPP_ENABLED: '1', CHROMIUM_PATH: good, PANELBOT_DATA_DIR: path.join(tmp, 'data') });
    expect(failures(fine)).toEqual([]);
    expect(texts(fine)).toEqual(expect.arrayContaining([`ok whatsapp: Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm) at ${good}`, 'warn whatsapp: WHATSAPP_NUMBER is not set: letters get no wa.me link']));
    // The doctor creates nothing.
    expect(fs.existsSync(path.join(tmp, 'data'))).toBe(false);
  });

  it('checks the database: missing, not a database, damaged, migrations behind or ahead, open to others', () => {
    expect(texts(checkDatabase(path.join(tmp, 'none.db')))).toEqual([`warn database: ${path.join(tmp, 'none.db')} does not exist yet`]);
    const garbage = path.join(tmp, 'garbage.db');
    fs.writeFileSync(garbage, 'this is not SQLite '.repeat(100));
    expect(texts(checkDatabase(garbage))).toEqual([`fail database: ${garbage} cannot be opened: file is not a database`]);

    // Damaged: a page in the middle overwritten, as a failing disk would.
    const damaged = soundDb('damaged');
    const fd = fs.openSync(damaged, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    const found = checkDatabase(damaged);
    expect(failures(found)).toHaveLength(1);
    expect(failures(found)[0]!.text).toMatch(/is damaged: integrity_check says|cannot be opened: database disk image is malformed/);
    expect(failures(found)[0]!.fix).toContain('restore the last backup');

    const behind = soundDb('behind');
    const db = openDb(behind);
    db.$client.prepare('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    closeDb(db);
    expect(texts(checkDatabase(behind))).toContainEqual(expect.stringMatching(/^warn database: 1 of \d+ migrations not applied yet$/));

    const ahead = soundDb('ahead');
    const db2 = openDb(ahead);
    db2.$client.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)").run();
    closeDb(db2);
    expect(texts(failures(checkDatabase(ahead)))).toEqual(['fail database: 1 migrations in the file are newer than this panelbot']);

    fs.chmodSync(ahead, 0o644);
    expect(texts(checkDatabase(ahead))).toContainEqual(`warn database: ${ahead} can be read by other users (mode 644); it holds personal data`);
  });

  it('says who holds the outbox lease: this host\'s running panelbot, a dead one, another host', () => {
    const file = soundDb('lease');
    const setLease = (holder: string) => {
      const db = openDb(file);
      db.$client.prepare("INSERT OR REPLACE INTO leases (name, holder, expires_at) VALUES ('outbox', ?, ?)").run(holder, Date.now() + 60_000);
      closeDb(db);
    };
    const leaseLine = () => texts(checkDatabase(file)).find((t) => t.includes('outbox'));
    setLease(thisHolder());
    expect(leaseLine()).toBe(`info database: outbox: sent by the running panelbot, pid ${process.pid} on this host`);
    setLease(`${os.hostname()}:${process.pid}:1:dead`);
    expect(leaseLine()).toBe(`info database: outbox: the last panelbot (pid ${process.pid}) stopped without releasing it (crash or kill); the next start takes it over at once`);
    setLease('another-host:4242:1:x');
    expect(leaseLine()).toMatch(/^warn database: outbox: held by a panelbot on another host \(another-host\) until /);
  });

  it('checks the panel configuration: a wrong time zone, an event before the draw, texts missing in a language, no FAQ', () => {
    const example = fs.readFileSync(EXAMPLE, 'utf8');
    const zone = path.join(tmp, 'zone.yaml');
    fs.writeFileSync(zone, example.replace(/timezone: \S+/, 'timezone: Europe/Brusels'));
    expect(texts(checkPanel(zone, false))).toEqual([`fail panel: ${zone}: panel.timezone: not a time zone: use an IANA name like Europe/Brussels`]);

    // The draw after the first weekend; an FAQ folder with no Dutch file; Dutch texts with one missing.
    const faq = path.join(tmp, 'faq');
    fs.mkdirSync(faq);
    for (const lng of ['fr', 'de', 'en']) fs.copyFileSync(path.join(ROOT, 'faq', `${lng}.md`), path.join(faq, `${lng}.md`));
    const late = path.join(tmp, 'late.yaml');
    fs.writeFileSync(late, example.replace(/drawDate: \S+/, 'drawDate: 2027-12-31').replace(/faqDir: \S+/, `faqDir: ${faq}`));
    const locales = path.join(tmp, 'locales');
    fs.cpSync(path.join(ROOT, 'locales'), locales, { recursive: true });
    const nl = JSON.parse(fs.readFileSync(path.join(locales, 'nl', 'common.json'), 'utf8')) as Record<string, unknown>;
    const dropped = Object.keys(nl).find((k) => typeof nl[k] === 'string' && !k.includes('_easy'))!;
    delete nl[dropped];
    fs.writeFileSync(path.join(locales, 'nl', 'common.json'), JSON.stringify(nl));
    const found = checkPanel(late, false, locales);
    expect(texts(found.filter((f) => f.status !== 'ok'))).toEqual([
      ...found.filter((f) => f.text.startsWith('event ')).map((f) => `warn panel: ${f.text}`),
      `fail panel: 1 texts missing in Dutch: common:${dropped}`,
      'warn panel: no FAQ in Dutch: every question in Dutch goes to the team',
    ]);
    expect(found.map((f) => f.text)).toContainEqual(expect.stringMatching(/^event weekend-1 \(for the selected\) starts 2027-\d\d-\d\d, not after the draw \(2027-12-31\)$/));
  });

  it('checks Node\'s version against engines, and that better-sqlite3 loads', () => {
    const range = '^20.19.0 || ^22.12.0 || >=24.0.0';
    expect(['18.20.4', '20.18.1', '21.7.3', '22.11.0', '23.11.0'].filter((v) => meetsEngines(v, range))).toEqual([]);
    expect(['20.19.0', '20.20.2', '22.12.0', '22.23.5', '24.0.0', '25.1.0'].filter((v) => !meetsEngines(v, range))).toEqual([]);
    expect(texts(checkEnvironment('18.20.4', () => undefined))).toEqual(['fail environment: Node 18.20.4 is not supported (package.json engines: ^20.19.0 || ^22.12.0 || >=24.0.0)', 'ok environment: better-sqlite3 loads']);
    const [, sqlite] = checkEnvironment('22.12.0', () => 'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.');
    expect(sqlite).toMatchObject({ status: 'fail', fix: expect.stringContaining('npm rebuild better-sqlite3') });
  });

  it('uses the network only with --online: getMe against the fake Bot API, auth.test against the fake Slack', async () => {
    const bot = await FakeBotApi.start();
    const slack = await startFakeSlack();
    try {
      const calls: string[] = [];
      const spy: typeof fetch = (input, init) => {
        calls.push(String(input));
        return fetch(input, init);
      };
      const env = { TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: bot.apiRoot, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: slack.url, SLACK_ORGANISERS: 'U1' };
      await doctor(env, { fetch: spy });
      expect(calls).toEqual([]);
      const online = await doctor(env, { online: true, fetch: spy });
      expect(texts(online)).toEqual(expect.arrayContaining(['ok telegram: getMe: the token is accepted, the bot is @panel_test_bot', 'ok slack: auth.test: the bot token is accepted (panelbot in Panel)']));
      const refused = await doctor({ ...env, TELEGRAM_BOT_TOKEN: '654321:WRONG-token-abcdefghij' }, { online: true });
      expect(failures(refused, 'telegram')).toMatchObject([{ text: 'getMe: Telegram refused the token (401 Unauthorized)', fix: expect.stringContaining('@BotFather') }]);
      // Nobody listening (a closed port on loopback): said in one line, without the token.
      const closed = await FakeBotApi.start();
      const root = closed.apiRoot;
      await closed.close();
      const unreachable = await doctor({ ...env, TELEGRAM_API_ROOT: root }, { online: true });
      expect(failures(unreachable, 'telegram')).toMatchObject([{ text: `getMe: could not reach ${new URL(root).host} (fetch failed)` }]);
      expect(JSON.stringify(unreachable)).not.toContain(FAKE_TOKEN);
    } finally {
      await bot.close();
      await slack.close();
    }
  });

  it('runs as a command: one line each, --json, exit code 1 when something must be fixed', async () => {
    // In-process through the command router (a child process per run costs a minute on a loaded machine).
    const run = async (argv: string[], env: Record<string, string> = {}) => {
      const written: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
      for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
      try {
        return { code: await runCli(argv), stdout: written.join('') };
      } finally {
        spy.mockRestore();
        vi.unstubAllEnvs();
      }
    };
    const db = path.join(tmp, 'cli-garbage.db');
    fs.writeFileSync(db, 'not a database');
    const result = await run(['--db', db, '--config', EXAMPLE, 'doctor', '--json'], { TELEGRAM_BOT_TOKEN: 'x' });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; findings: Finding[] };
    expect(report.ok).toBe(false);
    expect(texts(failures(report.findings))).toEqual([
      'fail telegram: setting TELEGRAM_BOT_TOKEN: expected a token from @BotFather, like 123456:ABC-DEF…',
      `fail database: ${db} cannot be opened: file is not a database`,
    ]);
    const plain = await run(['--config', EXAMPLE, '--db', soundDb('cli'), 'doctor']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim().split('\n').at(-1)).toBe('panelbot doctor: nothing wrong found.');
    expect(plain.stdout.trim().split('\n').every((l) => /^(ok  |info|WARN|FAIL) [a-z]+: |^panelbot doctor: /.test(l))).toBe(true);
  });
});
