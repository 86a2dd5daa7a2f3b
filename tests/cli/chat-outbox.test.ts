// The terminal chat is a full channel: what the outbox sends to the person appears in `chat --user`.
import { describe, expect, it } from 'vitest';
import { panelbot } from '../helpers/run-cli';
import { testPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { enqueue } from '../../src/db/repos/outbox';
import { people } from '../../src/db/schema/index';

describe('panelbot chat --user', () => {
  it('shows what the outbox sends to that person (the draw\'s outcome, say), and only theirs', () => {
    const panel = testPanel();
    registered(panel, 'zoe');
    const zoe = panel.app.db.select({ id: people.id }).from(people).get()!.id;
    const past = new Date('2026-01-01T10:00:00Z');
    enqueue(panel.app.db, { personId: zoe, kind: 'system', payload: { template: { key: 'followup:reportNotYet' } }, dueAt: past, idempotencyKey: 'test:zoe' }, past);
    const db = panel.dbPath;
    panel.close();
    const other = panelbot(['--db', db, 'chat', '--user', 'someone-else'], { input: 'English\n' });
    expect(other.stdout).not.toContain('final report is not published yet');
    const run = panelbot(['--db', db, 'chat', '--user', 'zoe'], { input: 'help\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('final report is not published yet');
  }, 300_000);
});
