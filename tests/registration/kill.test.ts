// Killing panelbot between two messages loses at most the answer being typed: a new process
// continues the registration where it was, with every earlier answer kept.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, panelbot } from '../helpers/run-cli';
import { tempDbPath, testPanel } from '../helpers/chat';

// The example panel's registration window: the chat runs as if it were a day of it.
const DURING_REGISTRATION = '2027-01-15T10:00';

/** A terminal chat in a child process, answered line by line, waiting for each reply. */
function liveChat(db: string, user: string) {
  const child = spawn(process.execPath, [BIN, '--db', db, 'chat', '--user', user], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', PANELBOT_NOW: DURING_REGISTRATION },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${text}" in: ${out.slice(-400)}`)), 90_000);
      const check = () => {
        if (out.includes(text)) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      check();
    });
  return {
    async say(line: string, expectText: string) {
      const before = out.length;
      child.stdin.write(`${line}\n`);
      await waitFor(expectText);
      return out.slice(before);
    },
    waitFor,
    kill: () => child.kill('SIGKILL'),
    exited: new Promise((resolve) => child.on('exit', resolve)),
  };
}

describe('a crash between two messages', () => {
  it('loses no answer already given', async () => {
    const db = tempDbPath();
    const setup = testPanel({ dbPath: db });
    const [code] = setup.invite(1, 'nl');
    setup.close();

    const chat = liveChat(db, 'kees');
    await chat.waitFor('Welcome!');
    await chat.say('English', 'code printed on your invitation letter');
    await chat.say(code!, 'brings together');
    await chat.say('continue', 'Do you agree');
    await chat.say('yes', 'first name');
    await chat.say('Kees', 'last name');
    // Killed while the person is typing the next answer.
    chat.kill();
    await chat.exited;

    const again = panelbot(['--db', db, 'chat', '--user', 'kees'], { input: 'Verbeek\n21/03/1990\n', env: { PANELBOT_NOW: DURING_REGISTRATION } });
    expect(again.stdout).toContain('Welcome back');
    expect(again.stdout).toContain('What is your last name?');
    expect(again.stdout).toContain('What is your date of birth?');
    expect(again.stdout).toContain('What is your gender?');

    const check = testPanel({ dbPath: db });
    const state = check.app.db.$client.prepare(`SELECT data FROM conversations`).get() as { data: string };
    expect(JSON.parse(state.data).stack.at(-1).data.answers).toMatchObject({ firstName: 'Kees', lastName: 'Verbeek', birthDate: '1990-03-21' });
    check.close();
  });
});
