// Codes are claimed when a registration is confirmed; an organiser can free a code.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { panelbot } from '../helpers/run-cli';
import { auditLog, invitations } from '../../src/db/schema/index';
import { createPerson } from '../../src/db/repos/people';
import { formatCode } from '../../src/core/registration/invitation-code';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('invitations free', () => {
  it('frees a code taken by someone who never registered, and refuses a registered one', () => {
    panel = testPanel();
    const [code] = panel.invite(1, 'en');
    // A claim left by an older version, when typing a code used it up.
    const person = createPerson(panel.app.db, { channel: 'console', userId: 'typist' }, panel.clock.now());
    panel.app.db.update(invitations).set({ claimedBy: person.id, claimedAt: panel.clock.now() }).where(eq(invitations.code, code!)).run();
    const owner = panel.user('owner');
    owner.says('English');
    expect(owner.says(code!)).toContain('already been used');
    panel.close();

    const env = { PANELBOT_OPERATOR: 'tester' };
    const freed = panelbot(['--db', panel.dbPath, 'invitations', 'free', formatCode(code!)], { env });
    expect(freed.stdout).toContain('is free again');
    expect(freed.code).toBe(0);
    panel = panel.reopen();
    expect(panel.app.db.select().from(auditLog).all().map((a) => a.action)).toContain('invitation.free');
    const owner2 = panel.user('owner');
    expect(owner2.says(code!)).toContain('is valid');
    for (const answer of ['continue', 'yes', 'Ann', 'Peeters', '21/03/1990', 'Woman', '9000', 'University', 'Belgian', 'yes', 'no', 'no', 'no', 'no', 'yes', '0470 12 34 56']) owner2.says(answer);
    expect(owner2.says('Yes, register me')).toContain('You are registered');
    panel.close();

    const refused = panelbot(['--db', panel.dbPath, 'invitations', 'free', code!], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/belongs to the registration of P-\w+ \(registered\)/);
    panel = panel.reopen();
  });
});
