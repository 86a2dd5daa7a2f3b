// Organisers' daily work from a terminal, without Slack: finding a person to call them back, and
// the alerts (an urgent message must reach someone).
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { runCli } from '../../src/cli/index';
import { raiseAlert } from '../../src/db/repos/alerts';
import { auditLog, registrations } from '../../src/db/schema/index';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return {
    run: (...args: string[]) => runCli(['--db', panel.dbPath, ...args]),
    out: () => out.splice(0).join(''),
    err: () => err.splice(0).join(''),
  };
}

describe('find', () => {
  it('finds a person by name, phone, pseudonym or code, with the contact details to call them', async () => {
    panel = testPanel();
    const [a, b] = seedCohort(panel.app.db, 3, panel.clock.now(), 51);
    panel.app.db.update(registrations).set({ firstName: 'Marie', lastName: 'Dubois', phone: '+32 471 23 45 67', email: 'marie@example.org' }).where(eq(registrations.personId, a!)).run();
    const c = cli();
    expect(await c.run('find', 'dubois')).toBe(0);
    const found = c.out();
    expect(found).toContain('P-T51-0 (Marie D.): active');
    expect(found).toContain('Marie Dubois, phone +32 471 23 45 67, e-mail marie@example.org');
    expect(await c.run('find', '0471/23.45.67')).toBe(0);
    expect(c.out()).toContain('Marie Dubois');
    expect(await c.run('find', 'P-T51-1', '--json')).toBe(0);
    const json = JSON.parse(c.out());
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ personId: b, pseudonym: 'P-T51-1', contact: { name: 'First1 Last1', phone: '+32470000000' } });
    expect(await c.run('find', 'Nobody Here')).toBe(1);
    expect(c.out()).toContain('Nobody found.');
    // Audited without the query: a name is personal data.
    const audited = panel.app.db.select().from(auditLog).where(eq(auditLog.action, 'find')).all();
    expect(audited.map((r) => r.target)).toEqual(['results:1', 'results:1', 'results:1', 'results:0']);
  });
});

describe('alerts', () => {
  it('lists what nobody has seen, acknowledges, and shows everything with --all', async () => {
    panel = testPanel();
    const now = panel.clock.now();
    raiseAlert(panel.app.db, 'urgent_message', { person: 'P-ANN', ticket: 3 }, now);
    raiseAlert(panel.app.db, 'withdrawal', { person: 'P-BOB' }, now);
    const c = cli();
    expect(await c.run('alerts')).toBe(0);
    const listed = c.out();
    expect(listed).toMatch(/#1 {2}2027-01-15 10:00 \+01:00 {2}NEW {3}Urgent message from P-ANN \(ticket #3\)/);
    expect(listed).toContain('#2');
    expect(listed).toContain('Seen them? panelbot alerts ack all');
    expect(await c.run('alerts', 'ack', '1')).toBe(0);
    expect(c.out()).toContain('1 alert acknowledged.');
    expect(await c.run('alerts', 'ack', '9')).toBe(1);
    expect(c.err()).toContain('no alert 9');
    expect(await c.run('alerts', '--json')).toBe(0);
    expect(JSON.parse(c.out()).map((a: { id: number }) => a.id)).toEqual([2]);
    expect(await c.run('alerts', 'ack', 'all')).toBe(0);
    expect(await c.run('alerts')).toBe(0);
    expect(c.out()).toContain('No new alerts.');
    expect(await c.run('alerts', '--all')).toBe(0);
    expect(c.out()).toMatch(/#1 .* seen {2}Urgent message/);
  });
});
