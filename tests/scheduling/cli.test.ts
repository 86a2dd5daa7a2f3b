// The organisers' side in the terminal: what the outbox will send, moving an event, what happened
// to every message, and checking someone in.
import { describe, expect, it } from 'vitest';
import { panelbot } from '../helpers/run-cli';
import { schedulingPanel } from './helpers';

describe('panelbot outbox, events and checkin', () => {
  it('previews, moves an event, reports the outbox and checks a person in', () => {
    const panel = schedulingPanel({ now: '2026-11-01T10:00:00+01:00' });
    panel.add({ user: 'alice' });
    panel.add({ user: 'bob', selection: 'reserve' });
    const db = panel.dbPath;
    panel.close();

    const preview = panelbot(['--db', db, 'outbox', 'preview', '--from', '2027-02-07', '--to', '2027-02-20']);
    expect(preview.code).toBe(0);
    // The information session's day-before reminder goes to the selected and the reserves; the weekend's only to the selected.
    expect(preview.stdout).toContain('2027-02-07\treminder\tconsole\t2\t2');
    expect(preview.stdout).toContain('2027-02-13\treminder\tconsole\t1\t1');
    expect(preview.stdout).toContain('2027-02-20\treminder\tconsole\t1\t1');

    // Times without an offset are panel time (Brussels).
    const move = panelbot(['--db', db, 'events', 'move', 'weekend-1', '--start', '2027-02-27T09:30', '--end', '27/2/2027 17:00']);
    expect(move.stdout).toContain('weekend-1 moved: 3 unsent reminders cancelled, 3 planned for the new date; 1 person told.');
    // The end was on the wrong day: moved again. Moving to the dates it has changes nothing.
    expect(panelbot(['--db', db, 'events', 'move', 'weekend-1', '--start', '2027-02-27T09:30', '--end', '2027-02-28T17:00']).stdout).toContain('moved');
    expect(panelbot(['--db', db, 'events', 'move', 'weekend-1', '--start', '2027-02-27T09:30', '--end', '2027-02-28T17:00']).stdout).toContain('already has these dates: nothing changed');
    const after = panelbot(['--db', db, 'outbox', 'preview', '--from', '2027-02-13', '--to', '2027-02-13']);
    expect(after.stdout).toContain('0 messages to send');
    const list = panelbot(['--db', db, 'events', 'list']).stdout;
    expect(list).toMatch(/weekend-1\tweekend\t2027-02-27 09:30 \+01:00\t2027-02-28 17:00 \+01:00\t\(moved\)/);
    expect(list).not.toMatch(/\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);

    const status = panelbot(['--db', db, 'outbox', 'status']);
    // The reminders of the old date, and the first move's notice (superseded by the second's).
    expect(status.stdout).toContain('cancelled: 4');
    expect(status.stdout).toContain('cancelled\treminder\tevent_moved\t3');
    expect(status.stdout).toContain('cancelled\tsystem\tevent_moved\t1');

    expect(panelbot(['--db', db, 'checkin', 'weekend-1', '--person', 'P-ALICE', '--day', '2027-02-20']).code).toBe(1);
    const checkin = panelbot(['--db', db, 'checkin', 'weekend-1', '--person', 'P-ALICE', '--day', '2027-02-28']);
    expect(checkin.stdout).toContain('P-ALICE checked in for weekend-1 on 2027-02-28.');

    const reset = panelbot(['--db', db, 'events', 'reset', '--all']);
    expect(reset.stdout).toContain('weekend-1 back to its configured dates');
    expect(panelbot(['--db', db, 'events', 'list']).stdout).not.toContain('(moved)');
  }, 400_000);
});
