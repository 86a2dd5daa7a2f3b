// `panelbot helpline …`: the helpline from the terminal, same rules as in Slack, audited as
// cli:<user>; `show` gives the whole conversation, panelbot's own answers included.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { cli as cliOn } from '../helpers/run-cli';
import { auditLog, outbox, people, ticketMessages, tickets } from '../../src/db/schema/index';
import { personalData } from '../../src/db/repos/privacy';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  panel?.close();
});

const cli = () => cliOn(panel.dbPath);

describe('panelbot helpline', () => {
  it('lists, shows, answers, notes and resolves a ticket', async () => {
    panel = testPanel();
    const ann = registered(panel, 'x');
    ann.says('My letter went to my old address');
    vi.stubEnv('PANELBOT_OPERATOR', 'tester');
    const c = cli();

    expect(await c.run('helpline', 'list')).toBe(0);
    expect(c.out()).toMatch(/^#1 {2}open {6}P-\w{7} {2}en {2}console/);
    expect(await c.run('helpline', 'show', '1')).toBe(0);
    expect(c.out()).toContain('My letter went to my old address');
    expect(await c.run('helpline', 'reply', '1', 'We', 'will', 'send', 'a', 'new', 'letter.')).toBe(0);
    expect(c.out()).toMatch(/Reply queued for P-\w{7} \(ticket #1 is now answered\)/);
    expect(await c.run('helpline', 'reply', '1', 'note: typo in the address file')).toBe(0);
    expect(c.out()).toContain('not sent to the citizen');
    expect(await c.run('helpline', 'resolve', '#1')).toBe(0);
    expect(c.out()).toContain('Ticket #1 is resolved.');

    const rows = panel.app.db.select().from(outbox).where(eq(outbox.kind, 'reply')).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'console', userId: 'x', priority: 0 });
    expect(JSON.parse(rows[0]!.payload).outbound.text).toContain('We will send a new letter.');
    expect(panel.app.db.select().from(ticketMessages).all().map((m) => m.author)).toEqual(['citizen', 'bot', 'organiser', 'note']);
    expect(panel.app.db.select().from(tickets).get()!.status).toBe('resolved');
    expect(panel.app.db.select().from(auditLog).all().map((a) => `${a.actor} ${a.action}`)).toEqual([
      'cli:tester ticket.list',
      'cli:tester ticket.show',
      'cli:tester ticket.reply',
      'cli:tester ticket.note',
      'cli:tester ticket.resolve',
    ]);
  });

  it('shows what panelbot answered between the person’s messages and the team’s replies, in order, in panel time', async () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    // 10:01 (registering took a minute): the FAQ answers; two minutes later, it did not help.
    expect(ann.says('Is there childcare?')).toContain('children under 12');
    panel.clock.advance(2 * 60_000);
    expect(ann.says('No, I want to ask a person')).toMatch(/passed on to the team \(reference #1\)/);
    panel.clock.advance(60 * 60_000);
    const c = cli();
    // The command line on the test's clock (it runs on the real one otherwise).
    expect(await c.run('--now', '2027-01-15T11:04', 'helpline', 'reply', '1', 'Yes: for children aged 0 to 11, on site.')).toBe(0);
    c.out();
    panel.clock.advance(5 * 60_000);
    expect(ann.says('Thank you! And for a baby of 6 months?')).toContain('I have added this to your question #1');

    expect(await c.run('helpline', 'show', '1')).toBe(0);
    const lines = c.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#1 open: P-\w+, en, on console/);
    const said = lines.slice(1).filter((l) => l.startsWith('  ['));
    expect(said).toEqual([
      expect.stringMatching(/^ {2}\[2027-01-15 10:01 \+01:00\] P-\w+: Is there childcare\?$/),
      expect.stringMatching(/^ {2}\[2027-01-15 10:01 \+01:00\] panelbot \(FAQ answer \d+\): .*children under 12/),
      expect.stringMatching(/^ {2}\[2027-01-15 10:03 \+01:00\] panelbot: .*passed on to the team \(reference #1\)/),
      expect.stringMatching(/^ {2}\[2027-01-15 11:04 \+01:00\] cli:\S+: Yes: for children aged 0 to 11, on site\.$/),
      expect.stringMatching(/^ {2}\[2027-01-15 11:08 \+01:00\] P-\w+: Thank you! And for a baby of 6 months\?$/),
      expect.stringMatching(/^ {2}\[2027-01-15 11:08 \+01:00\] panelbot: .*I have added this to your question #1/),
    ]);

    expect(await c.run('helpline', 'show', '1', '--json')).toBe(0);
    const json = JSON.parse(c.out());
    expect(json.messages.map((m: { author: string }) => m.author)).toEqual(['citizen', 'bot', 'bot', 'organiser', 'citizen', 'bot']);
    expect(json.messages[1].by).toMatch(/^faq:\d+$/);

    // What panelbot said is the person's data too: in "my data", and gone with an erasure.
    const personId = panel.app.db.select().from(people).get()!.id;
    const mine = personalData(panel.app.db, personId) as { helpline: { messages: Array<{ author: string }> } };
    expect(mine.helpline.messages.filter((m) => m.author === 'bot')).toHaveLength(3);
    ann.says('delete me');
    expect(ann.says('yes')).toContain('personal data is now deleted');
    expect(panel.app.db.select().from(ticketMessages).all()).toEqual([]);
  });
});
