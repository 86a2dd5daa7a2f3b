// No command prints a UTC time: every organiser command is run against a copy of the example panel
// whose time zone is America/Los_Angeles (9 hours from Brussels, 8 from UTC in winter), and each
// output is searched for an ISO "Z" time, "UTC" or "GMT". Where a command shows a known moment, the
// Los Angeles wall clock is expected. What the citizens are told (the move's announcement) too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { seedCohort } from '../helpers/cohort';
import { ROOT } from '../helpers/run-cli';
import { runCli } from '../../src/cli/index';
import { raiseAlert } from '../../src/db/repos/alerts';
import { attendance, needs, outbox, registrations, tickets } from '../../src/db/schema/index';
import { renderPayload } from '../../src/core/outbox/render';
import { renderPlain } from '../../src/bots/render-text';
import { createTranslator } from '../../src/core/conversation/i18n';
import { loadPanelConfig } from '../../src/config/panel';
import { ENGLISH_ANSWERS } from '../helpers/register';

let panel: TestPanel | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
  panel = undefined;
});

/** The example panel in another time zone; its file paths made absolute so the copy can live anywhere. */
export function panelInZone(timeZone: string): string {
  const text = fs
    .readFileSync(path.join(ROOT, 'panel.example.yaml'), 'utf8')
    .replace('timezone: Europe/Brussels', `timezone: ${timeZone}`)
    .replace('faqDir: faq', `faqDir: ${path.join(ROOT, 'faq')}`)
    .replaceAll(': surveys/', `: ${path.join(ROOT, 'surveys')}/`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-zone-')), 'panel.yaml');
  fs.writeFileSync(file, text);
  return file;
}

// 2027-02-20T09:30:00Z, 2027-02-20T09:30Z, 09:30:00.000Z: an instant printed in UTC.
const UTC_TIME = /\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z\b|\bUTC\b|\bGMT\b/;

describe('no command prints a UTC time', () => {
  it('prints every date and time on the panel’s clock, Los Angeles here, with the zone named', async () => {
    panel = testPanel({ now: '2027-01-20T10:00:00+01:00' });
    const db = panel.app.db;
    const ann = registered(panel, 'ann');
    ann.says('person');
    ann.says('Can I come with my wheelchair to the venue?');
    expect(db.select().from(tickets).all()).toHaveLength(1);
    const ids = seedCohort(db, 6, panel.clock.now(), 61);
    db.update(registrations).set({ selection: 'selected', participation: 'confirmed' }).where(inArray(registrations.personId, ids)).run();
    db.insert(needs).values({ personId: ids[0]!, diet: 'vegetarian', children: 1, childAges: [4], updatedAt: panel.clock.now() }).run();
    db.insert(attendance).values({ personId: ids[1]!, eventId: 'weekend-1', day: '2027-02-20', answer: 'yes', checkedInAt: new Date('2027-02-20T17:40:00Z') }).run();
    raiseAlert(db, 'urgent_message', { person: 'P-ANN', ticket: 1 }, panel.clock.now());
    const dbPath = panel.dbPath;
    panel.close();
    panel = undefined;

    const config = panelInZone('America/Los_Angeles');
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    const outputs: Record<string, string> = {};
    const run = async (now: string, ...args: string[]) => {
      await runCli(['--db', dbPath, '--config', config, '--now', now, ...args]);
      outputs[args.join(' ')] = out.splice(0).join('');
      return outputs[args.join(' ')]!;
    };

    // Typed without an offset: Los Angeles time. Printed back the same way, with the offset.
    const moved = await run('2027-02-10T10:00', 'events', 'move', 'weekend-1', '--start', '2027-02-20T09:30', '--end', '2027-02-21T16:00');
    expect(moved).toContain('REHEARSAL: running as if it were 2027-02-10 10:00 -08:00');
    expect(await run('2027-02-10T10:00', 'events', 'list')).toContain('weekend-1\tweekend\t2027-02-20 09:30 -08:00\t2027-02-21 16:00 -08:00\t(moved)');
    // The configured 09:30 in Brussels is 00:30 in Los Angeles.
    expect(outputs['events list']).toContain('weekend-2\tweekend\t2027-03-20 01:30 -07:00');
    expect(await run('2027-02-10T10:00', 'outbox', 'preview', '--from', '2027-02-10', '--to', '2027-03-01')).toContain('2027-02-10');
    await run('2027-02-10T10:00', 'outbox', 'status');
    // The ticket was updated at 10:00 in Brussels: 01:00 in Los Angeles.
    expect(await run('2027-02-10T10:00', 'helpline', 'list', '--all')).toMatch(/updated 2027-01-20 01:0\d -08:00/);
    expect(await run('2027-02-10T10:00', 'helpline', 'show', '1')).toMatch(/\[2027-01-20 01:0\d -08:00\]/);
    expect(await run('2027-02-10T10:00', 'alerts', '--all')).toMatch(/#1 {2}2027-01-20 01:0\d -08:00/);
    expect(await run('2027-02-10T10:00', 'alerts', '--all', '--json')).toMatch(/"at": "2027-01-20T01:0\d:\d\d-08:00"/);
    // The ceremony ends on 22 May at 08:00 in Los Angeles (17:00 in Brussels); six months later, on
    // the panel's clock: 22 November at 08:00 (UTC month arithmetic would say 07:00).
    expect(await run('2027-02-10T10:00', 'retention', 'run', '--dry-run')).toContain('2027-11-22 08:00 -08:00');
    await run('2027-02-10T10:00', 'stats');
    await run('2027-02-10T10:00', 'stats', '--json');
    await run('2027-02-10T10:00', 'find', 'Peeters');
    await run('2027-02-10T10:00', 'find', 'Peeters', '--json');
    await run('2027-02-10T10:00', 'logistics', 'weekend-1');
    expect(await run('2027-02-20T10:00', 'checkin', 'weekend-1', '--list')).toContain('2027-02-20');
    await run('2027-02-20T10:00', 'checkin', 'weekend-1', '--list', '--csv');
    await run('2027-04-25T10:00', 'compensation', 'list');
    await run('2027-04-25T10:00', 'survey', 'report');
    // What scripts read (--json): instants as ISO texts with the panel's offset, never "Z".
    expect(await run('2027-02-10T10:00', 'events', 'list', '--json')).toContain('"start": "2027-02-20T09:30:00-08:00"');
    expect(await run('2027-02-10T10:00', 'helpline', 'list', '--all', '--json')).toMatch(/"updatedAt": "2027-01-20T01:0\d:\d\d-08:00"/);
    expect(await run('2027-02-10T10:00', 'helpline', 'show', '1', '--json')).toMatch(/"at": "2027-01-20T01:0\d:\d\d-08:00"/);
    await run('2027-02-10T10:00', 'outbox', 'preview', '--from', '2027-02-10', '--to', '2027-03-01', '--json');
    await run('2027-02-10T10:00', 'outbox', 'status', '--json');
    await run('2027-02-10T10:00', 'logistics', 'weekend-1', '--json');
    await run('2027-02-20T10:00', 'checkin', 'weekend-1', '--list', '--json');
    await run('2027-04-25T10:00', 'compensation', 'list', '--json');
    await run('2027-04-25T10:00', 'survey', 'report', '--json');

    for (const [command, text] of Object.entries(outputs)) {
      expect(text.length, command).toBeGreaterThan(0);
      expect(text, command).not.toMatch(UTC_TIME);
      // One warning line, also for a command that opens the panel more than once (checkin).
      expect(text.match(/REHEARSAL/g), command).toHaveLength(1);
    }

    // What the people expected at weekend 1 are told: 09:30 on the panel's clock.
    const check = testPanel({ dbPath });
    panel = check;
    const notices = check.app.db.select().from(outbox).where(eq(outbox.kind, 'system')).all().filter((r) => r.idempotencyKey.startsWith('moved:'));
    expect(notices.length).toBe(6);
    const text = renderPlain(renderPayload(JSON.parse(notices[0]!.payload), 'en', createTranslator(), 'America/Los_Angeles'));
    expect(text).toContain('20 February 2027');
    expect(text).toMatch(/9:30|09:30/);
    expect(text).not.toMatch(UTC_TIME);
  }, 120_000);

  it('writes a calendar day as it is, also where noon UTC is the next day (Auckland)', () => {
    panel = testPanel({ config: loadPanelConfig(panelInZone('Pacific/Auckland')) });
    const [code] = panel.invite(1, 'nl');
    const ann = panel.user('ann');
    const replies = ENGLISH_ANSWERS(code!).map((answer) => ann.says(answer));
    // The birth date in the summary, the draw date at the end: the days typed and configured.
    expect(replies.at(-2)).toContain('Wednesday, 21 March 1990');
    expect(replies.at(-1)).toContain('The draw takes place on Monday, 1 February 2027');
  });
});
