// Every list-type command gives --json for scripts: standard output is one JSON document, nothing
// else (no log line, no notice: those go to standard error).
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { registered } from '../helpers/register';
import { cli as cliOn, panelbot } from '../helpers/run-cli';
import { raiseAlert } from '../../src/db/repos/alerts';
import { needs, registrations } from '../../src/db/schema/index';
import { recordComment, respondentKey } from '../../src/core/followup/survey-store';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

/** A panel with something in every list: registrants, selected people with needs, a ticket, an alert, an open answer. */
function busyPanel(): TestPanel {
  panel = testPanel();
  const db = panel.app.db;
  const ids = seedCohort(db, 4, panel.clock.now(), 81);
  db.update(registrations).set({ selection: 'selected', participation: 'confirmed' }).where(inArray(registrations.personId, ids.slice(0, 3))).run();
  db.insert(needs).values({ personId: ids[0]!, mobility: 'wheelchair', diet: 'vegetarian', companion: 'companion', updatedAt: panel.clock.now() }).run();
  raiseAlert(db, 'withdrawal', { person: 'P-T81-3' }, panel.clock.now());
  registered(panel, 'ann').says('My letter went to my old address');
  recordComment(db, respondentKey(db, ids[0]!), 'evaluation', 'Well organised.');
  return panel;
}

const COMMANDS: string[][] = [
  ['stats'],
  ['find', 'P-T81-0'],
  ['alerts'],
  ['alerts', '--all'],
  ['helpline', 'list'],
  ['helpline', 'list', '--all'],
  ['helpline', 'show', '1'],
  ['outbox', 'preview', '--from', '2027-01-01', '--to', '2027-03-31'],
  ['outbox', 'status'],
  ['events', 'list'],
  ['checkin', 'weekend-1', '--list', '--day', '2027-02-20'],
  ['logistics', 'weekend-1'],
  ['logistics', 'weekend-1', '--counts'],
  ['compensation', 'list'],
  ['survey', 'report'],
  ['survey', 'answers'],
];

describe('--json', () => {
  it('every list-type command prints one JSON document on standard output', async () => {
    busyPanel();
    const c = cliOn(panel.dbPath);
    const texts = c.file('fr.txt', 'Bonjour').replace(/fr\.txt$/, '');
    for (const lng of ['nl', 'de', 'en']) c.file(`${lng}.txt`, 'Hello');
    const parsed = new Map<string, unknown>();
    for (const args of [...COMMANDS, ['broadcast', '--audience', 'registrants', '--texts', texts, '--dry-run']]) {
      const code = await c.run(...args, '--json');
      const out = c.out();
      const err = c.err();
      expect(code, `${args.join(' ')}: ${err}`).toBe(0);
      expect(() => parsed.set(args.join(' '), JSON.parse(out)), `${args.join(' ')} printed: ${out.slice(0, 200)}`).not.toThrow();
      expect(err, args.join(' ')).not.toContain('"level"');
    }
    // A few contents, to know the documents are the commands' own.
    expect(parsed.get('find P-T81-0')).toMatchObject([{ pseudonym: 'P-T81-0' }]);
    expect(parsed.get('helpline show 1')).toMatchObject({ id: 1, messages: [{ author: 'citizen', text: 'My letter went to my old address' }, { author: 'bot' }] });
    expect(parsed.get('checkin weekend-1 --list --day 2027-02-20')).toMatchObject({ event: 'weekend-1', day: '2027-02-20', expected: 3 });
    expect(parsed.get('events list')).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'weekend-1', moved: false, startLocal: expect.stringMatching(/^2027-02-20 09:30 \+01:00$/) })]));
    expect(parsed.get('outbox status')).toMatchObject({ totals: { pending: expect.any(Number), sent: 0 } });
    expect(parsed.get('survey answers')).toMatchObject([{ item: 'evaluation', phase: 'after', text: 'Well organised.' }]);
    // Numbers only: no name in the counts, names in the full report.
    expect(JSON.stringify(parsed.get('logistics weekend-1 --counts'))).not.toMatch(/First0|P-T81-0/);
    expect(JSON.stringify(parsed.get('logistics weekend-1'))).toContain('vegetarian');
  });

  it('stays clean in a real process with the logs switched on', () => {
    busyPanel();
    panel.close();
    const run = panelbot(['--db', panel.dbPath, 'outbox', 'preview', '--json'], { env: { LOG_LEVEL: 'info' } });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ timeZone: 'Europe/Brussels' });
  }, 180_000);
});
