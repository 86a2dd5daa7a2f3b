// Organisers' daily work from a terminal, without Slack: finding a person to call them back, and
// the alerts (an urgent message must reach someone).
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { BIN, cli as cliOn } from '../helpers/run-cli';
import { spawnSync } from 'node:child_process';
import { raiseAlert } from '../../src/db/repos/alerts';
import { attendance, auditLog, needs, registrations } from '../../src/db/schema/index';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

const cli = () => cliOn(panel.dbPath);

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
    expect(c.out()).toMatch(/#1 .* acked Urgent message/);
  });
});

describe('check-in at the door', () => {
  it('prints the day\'s list with what matters at the door, takes the ticked list back, and warns', async () => {
    panel = testPanel({ now: '2027-02-20T08:30:00+01:00' });
    const db = panel.app.db;
    const [ann, bob, cem, res] = seedCohort(db, 4, panel.clock.now(), 52);
    db.update(registrations).set({ selection: 'selected', participation: 'confirmed' }).where(inArray(registrations.personId, [ann!, bob!, cem!])).run();
    db.update(registrations).set({ selection: 'reserve' }).where(eq(registrations.personId, res!)).run();
    db.update(registrations).set({ firstName: 'Ann', lastName: 'Aerts' }).where(eq(registrations.personId, ann!)).run();
    db.insert(needs).values({ personId: ann!, mobility: 'wheelchair', companion: 'companion', updatedAt: panel.clock.now() }).run();
    db.insert(attendance).values({ personId: cem!, eventId: 'weekend-1', day: '2027-02-20', answer: 'no' }).run();
    const c = cli();

    // The command line runs on the real clock: the day is given.
    expect(await c.run('checkin', 'weekend-1', '--list')).toBe(2);
    expect(c.err()).toContain('weekend-1 takes place on 2027-02-20, 2027-02-21; give the day with --day');
    expect(await c.run('checkin', 'weekend-1', '--list', '--day', '2027-02-20')).toBe(0);
    const list = c.out();
    expect(list).toContain('Check-in list: weekend-1, 2027-02-20 (2 people expected)');
    expect(list).toMatch(/\[ \] Ann Aerts\s+P-T52-0\s+\(not answered\) wheelchair; with a companion/);
    expect(list).not.toContain('P-T52-2'); // said no for the day
    expect(list).not.toContain('P-T52-3'); // a reserve

    expect(await c.run('checkin', 'weekend-1', '--list', '--csv', '--day', '20/2/2027')).toBe(0);
    const csv = c.out().trim().split('\n');
    expect(csv[0]).toBe('present,pseudonym,name,answer,notes');
    // Ann is ticked, Bob is not, and the reserve came anyway (written in by hand).
    const ticked = [csv[0], `x${csv[1]}`, csv[2], 'x,P-T52-3,,,'].join('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-door-')), 'door.csv');
    fs.writeFileSync(file, ticked);
    expect(await c.run('checkin', 'weekend-1', '--file', file, '--day', '2027-02-20')).toBe(0);
    expect(c.out()).toContain('weekend-1 2027-02-20: 2 people checked in, 0 already were, 0 lines with a problem, 1 not ticked.');
    expect(c.err()).toContain('Warning: line 4: P-T52-3 is not expected: not among the selected people taking part');
    expect(await c.run('checkin', 'weekend-1', '--list', '--day', '2027-02-20')).toBe(0);
    expect(c.out()).toMatch(/\[x\] Ann Aerts/);

    // One at a time: a day still to come is recorded with a warning.
    expect(await c.run('checkin', 'weekend-1', '--person', 'P-T52-1', '--day', '21/2/2027')).toBe(0);
    expect(c.out()).toContain('P-T52-1 checked in for weekend-1 on 2027-02-21.');
    expect(c.err()).toContain('Warning: 2027-02-21 is still to come (today is ');
  });
});

describe('clean outputs', () => {
  it('an organiser command writes no log lines, only its answer', () => {
    panel = testPanel();
    const ann = panel.user('ann');
    ann.says('English');
    ann.says('person');
    expect(ann.says('Where is the venue exactly?')).toContain('reference #1');
    panel.close();
    // As an organiser runs it: LOG_LEVEL unset.
    const result = spawnSync(process.execPath, [BIN, '--db', panel.dbPath, 'helpline', 'reply', '1', 'Place du Petit Sablon 8.'], { env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8', timeout: 150_000 });
    const run = { code: result.status, stdout: result.stdout, stderr: result.stderr };
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Reply queued for P-\S+ \(ticket #1 is now answered\)\.\n$/);
    expect(run.stderr).not.toContain('"level"');
  }, 180_000);
});

describe('whatsapp qr', () => {
  it('draws the current login code again, and says when there is none', async () => {
    panel = testPanel();
    const c = cli();
    expect(await c.run('whatsapp', 'qr')).toBe(1);
    expect(c.err()).toContain('no login QR code waiting');
    const dir = path.join(path.dirname(panel.dbPath), 'whatsapp');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'login-qr.txt'), '2@abc,def');
    expect(await c.run('whatsapp', 'qr')).toBe(0);
    const out = c.out();
    expect(out).toMatch(/[▀▄█]{10}/);
    expect(out).not.toContain('2@abc,def');
    expect(out).toContain(`Picture: ${path.join(dir, 'login-qr.png')}`);
  });
});
