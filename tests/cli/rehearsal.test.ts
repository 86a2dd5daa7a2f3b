// Rehearsal: --now (or PANELBOT_NOW) runs any command as if it were that moment, with one warning line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelbot } from '../helpers/run-cli';
import { tempDbPath, testPanel } from '../helpers/chat';
import { RehearsalClock } from '../../src/core/panel/rehearsal-clock';
import { registered } from '../helpers/register';
import { registrations } from '../../src/db/schema/index';

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

  it('moves the last event: its participant is told in the chat, the report and retention follow the new end', () => {
    // Ann registered and confirmed her seat; four commands, as an organiser rehearsing would type them.
    const panel = testPanel();
    registered(panel, 'ann');
    panel.app.db.update(registrations).set({ selection: 'selected', participation: 'confirmed' }).run();
    const db = panel.dbPath;
    panel.close();
    const move = panelbot(['--db', db, '--now', '2027-02-10T10:00', 'events', 'move', 'ceremony', '--start', '2027-06-05T14:00', '--end', '2027-06-05T17:00']);
    expect(move.stdout).toContain('1 person told');
    // A day after the configured ceremony: the move's notice reaches her chat; no report yet.
    const before = panelbot(['--db', db, '--now', '2027-05-23T10:00', 'chat', '--user', 'ann'], { input: 'report\n' });
    expect(before.stdout).toContain('Closing ceremony now takes place on Saturday, 5 June 2027 from 14:00 to 17:00');
    expect(before.stdout).toContain('The final report is not published yet');
    const after = panelbot(['--db', db, '--now', '2027-06-05T17:30', 'chat', '--user', 'ann'], { input: 'report\n' });
    expect(after.stdout).toContain('https://example.org/citizens-panel-ai/final-report.pdf');
    // Six months after the configured end, not yet: retention counts from the moved one.
    const retention = panelbot(['--db', db, '--now', '2027-11-23T10:00', 'retention', 'run', '--dry-run']);
    expect(retention.stdout).toContain('Not yet: personal data is erased from 2027-12-05 17:00 +01:00');
  }, 600_000);
});
