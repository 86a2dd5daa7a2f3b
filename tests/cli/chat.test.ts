// The terminal chat as a script or a pipe uses it: one line, one message, every reply printed in order.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { panelbot } from '../helpers/run-cli';
import { tempDbPath } from '../helpers/chat';

describe('panelbot chat with piped input', () => {
  it('answers each line in order and exits 0 at the end of input', () => {
    const db = tempDbPath();
    const run = panelbot(['--db', db, 'chat', '--user', 'zoe'], { input: 'Nederlands\nhallo\n' });
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out.indexOf('Welkom!')).toBeLessThan(out.indexOf('we gaan verder in het Nederlands'));
    expect(out.indexOf('we gaan verder in het Nederlands')).toBeLessThan(out.lastIndexOf('code'));
    expect(out).toMatch(/1\. Français/);
    expect(run.stderr).toContain('using the example panel');
    // The database file is readable by its owner only.
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
  });

  it('keeps several people apart, and each continues after the process ends', () => {
    const db = tempDbPath();
    panelbot(['--db', db, 'chat', '--user', 'a'], { input: 'Deutsch\n' });
    panelbot(['--db', db, 'chat', '--user', 'b'], { input: 'Français\n' });
    const a = panelbot(['--db', db, 'chat', '--user', 'a'], { input: '' });
    const b = panelbot(['--db', db, 'chat', '--user', 'b'], { input: '' });
    expect(a.stdout).toContain('Willkommen zurück');
    expect(b.stdout).toContain('Bon retour');
  });

  it('npm start with no channel opens the terminal chat and says how to add one', () => {
    const db = tempDbPath();
    const run = panelbot(['--db', db, 'serve'], { input: 'English\n' });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no channel configured');
    expect(run.stderr).toContain('TELEGRAM_BOT_TOKEN');
    // The web chat beside it, on this computer only, with its address.
    expect(run.stderr).toMatch(/web chat on http:\/\/127\.0\.0\.1:\d+\//);
    expect(run.stdout).toContain('we will continue in English');
  });
});

describe('clear errors, never a stack trace', () => {
  it('names a wrong setting in one line without echoing its value', () => {
    const run = panelbot(['chat'], { env: { TELEGRAM_BOT_TOKEN: 'not-a-token-secret', PANELBOT_DB: tempDbPath() } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('TELEGRAM_BOT_TOKEN');
    expect(run.stderr).not.toContain('not-a-token-secret');
  });

  it('names the field and the problem in a bad panel configuration', () => {
    const db = tempDbPath();
    const file = db.replace(/\.db$/, '.yaml');
    const example = fs.readFileSync('panel.example.yaml', 'utf8');
    fs.writeFileSync(file, example.replace('panelSize: 60', 'panelSize: -3').replace('start: 2027-02-20T09:30:00+01:00', 'start: next saturday'));
    const run = panelbot(['--db', db, '--config', file, 'chat'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('draw.panelSize');
    expect(run.stderr).toContain('events[2].start');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says in one line when the Telegram Bot API cannot be reached, instead of waiting forever', async () => {
    // A port on loopback that nobody listens on.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const run = panelbot(['serve'], { env: { PANELBOT_DB: tempDbPath(), TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOP', TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TELEGRAM_API_ROOT: cannot reach the Telegram Bot API');
    expect(run.stderr).not.toContain('ABCDEFGHIJKLMNOP');
  });

  it('says in one line when Slack cannot be reached', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const env = { PANELBOT_DB: tempDbPath(), SLACK_BOT_TOKEN: 'xoxb-secret-token', SLACK_SIGNING_SECRET: 'abcdef', SLACK_PORT: String(port), SLACK_API_URL: `http://127.0.0.1:${port}/api/` };
    const run = panelbot(['serve'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SLACK_API_URL: cannot reach the Slack Web API');
    expect(run.stderr).not.toContain('xoxb-secret-token');
  });

  it('explains an unknown command', () => {
    const run = panelbot(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stderr).toContain('usage: panelbot');
  });
});

describe('backup', () => {
  it('makes a consistent copy that restores the conversation', () => {
    const db = tempDbPath();
    panelbot(['--db', db, 'chat', '--user', 'r'], { input: 'English\n' });
    const copy = db.replace(/\.db$/, '-backup.db');
    const made = panelbot(['--db', db, 'backup', copy]);
    expect(made.code).toBe(0);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    // Restore as the README says: copy the backup to the database path (panelbot stopped).
    const restored = db.replace(/\.db$/, '-restored.db');
    fs.copyFileSync(copy, restored);
    const resumed = panelbot(['--db', restored, 'chat', '--user', 'r'], { input: '' });
    expect(resumed.stdout).toContain('Welcome back');
  });
});

describe('organiser commands', () => {
  it('are refused to someone who is not an organiser, and audited for those who are', () => {
    const db = tempDbPath();
    panelbot(['--db', db, 'chat', '--user', 'x'], { input: 'English\n' });
    const me = os.userInfo().username;
    // Naming oneself in PANELBOT_OPERATOR changes nothing: the account is what counts.
    const refused = panelbot(['--db', db, 'stats'], { env: { PANELBOT_ORGANISERS: 'alice,bob', PANELBOT_OPERATOR: 'alice' } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`${me} is not in PANELBOT_ORGANISERS`);
    expect(refused.stdout).toBe('');
    const allowed = panelbot(['--db', db, 'stats', '--json'], { env: { PANELBOT_ORGANISERS: `alice,${me}` } });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ letters: 16200, registrations: 0 });
    // A citizen's chat needs no organiser.
    expect(panelbot(['--db', db, 'chat', '--user', 'x'], { input: '', env: { PANELBOT_ORGANISERS: 'alice' } }).code).toBe(0);
  });
});
