// Rehearsal: --now (or PANELBOT_NOW) runs any command as if it were that moment, with one warning line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelbot } from '../helpers/run-cli';
import { tempDbPath, testPanel } from '../helpers/chat';
import { RehearsalClock } from '../../src/core/panel/rehearsal-clock';

describe('rehearsing a panel with --now', () => {
  it('moves on from the given moment', () => {
    const clock = new RehearsalClock();
    clock.startAt(new Date('2027-01-05T09:00:00Z'));
    const t = clock.now().getTime() - Date.parse('2027-01-05T09:00:00Z');
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThan(1000);
  });

  it('registers before opening and after closing as a citizen would see it, and guards the draw import', () => {
    const panel = testPanel();
    const [code] = panel.invite(1, 'nl');
    const db = panel.dbPath;
    panel.close();
    const early = panelbot(['--db', db, '--now', '2027-01-05T10:00', 'chat', '--user', 'ann'], { input: `English\n${code}\n` });
    expect(early.stdout).toContain('Registration opens on Tuesday, 12 January 2027');
    expect(early.stderr.match(/REHEARSAL/g)).toHaveLength(1);
    expect(early.stderr).toContain('2027-01-05 10:00 +01:00');
    const late = panelbot(['--db', db, 'chat', '--user', 'bob'], { input: `English\n${code}\n`, env: { PANELBOT_NOW: '2/2/2027 10:00' } });
    expect(late.stdout).toContain('Registration for this panel is closed');
    const dir = path.dirname(tempDbPath());
    fs.writeFileSync(path.join(dir, 'selected.csv'), 'id\n');
    const refused = panelbot(['--db', db, '--now', '2027-01-20T10:00', 'selection', 'import', '--selected', path.join(dir, 'selected.csv')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('registration is still open (until 2027-01-31 23:59 +01:00)');
  }, 400_000);
});
