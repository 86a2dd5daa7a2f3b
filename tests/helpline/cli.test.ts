// `panelbot helpline …`: the helpline from the terminal, same rules as in Slack, audited as cli:<user>.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { panelbot } from '../helpers/run-cli';
import { auditLog, outbox, ticketMessages, tickets } from '../../src/db/schema/index';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('panelbot helpline', () => {
  it('lists, shows, answers, notes and resolves a ticket', () => {
    panel = testPanel();
    const ann = registered(panel, 'x');
    ann.says('My letter went to my old address');
    const db = panel.dbPath;
    const env = { PANELBOT_OPERATOR: 'tester' };

    const list = panelbot(['--db', db, 'helpline', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^#1 {2}open {6}P-\w{7} {2}en {2}console/);

    const show = panelbot(['--db', db, 'helpline', 'show', '1'], { env });
    expect(show.stdout).toContain('My letter went to my old address');

    const reply = panelbot(['--db', db, 'helpline', 'reply', '1', 'We', 'will', 'send', 'a', 'new', 'letter.'], { env });
    expect(reply.stdout).toMatch(/Reply queued for P-\w{7} \(ticket #1 is now answered\)/);
    const note = panelbot(['--db', db, 'helpline', 'reply', '1', 'note: typo in the address file'], { env });
    expect(note.stdout).toContain('not sent to the citizen');
    expect(panelbot(['--db', db, 'helpline', 'resolve', '#1'], { env }).stdout).toContain('Ticket #1 is resolved.');

    const rows = panel.app.db.select().from(outbox).where(eq(outbox.kind, 'reply')).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'console', userId: 'x', priority: 0 });
    expect(JSON.parse(rows[0]!.payload).outbound.text).toContain('We will send a new letter.');
    expect(panel.app.db.select().from(ticketMessages).all().map((m) => m.author)).toEqual(['citizen', 'organiser', 'note']);
    expect(panel.app.db.select().from(tickets).get()!.status).toBe('resolved');
    expect(panel.app.db.select().from(auditLog).all().map((a) => `${a.actor} ${a.action}`)).toEqual([
      'cli:tester ticket.list',
      'cli:tester ticket.show',
      'cli:tester ticket.reply',
      'cli:tester ticket.note',
      'cli:tester ticket.resolve',
    ]);
    // Each command is a new node process: slow on a busy machine.
  }, 120_000);
});
