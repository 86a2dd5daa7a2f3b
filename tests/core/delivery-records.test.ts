// Each reply is recorded as sent the moment the platform accepted it, in the database: a crash in
// the middle of a three-message answer, then the platform's redelivery of the message, sends only
// the replies that had not gone out, from a new process with nothing in memory.
import { afterEach, describe, expect, it } from 'vitest';
import type { Inbound } from '../../src/core/conversation/messages';
import { testPanel, type TestPanel } from '../helpers/chat';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('per-reply delivery records', () => {
  it('a redelivery after a restart gets only the replies not recorded as sent', () => {
    panel = testPanel();
    const [code] = panel.invite(1, 'nl+fr');
    const ann = panel.user('ann');
    ann.sends({ kind: 'start' });
    ann.says('English');

    const typedCode: Inbound = { address: { channel: 'console', userId: 'ann' }, messageId: 'msg-code', content: { kind: 'text', text: code! } };
    const replies = panel.app.engine.handle(typedCode);
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies[0]!.text).toContain('is valid');
    // The first reply reached the platform; the process dies while the second is on its way.
    panel.app.engine.replySent(typedCode);

    panel = panel.reopen();
    expect(panel.app.engine.handle(typedCode)).toEqual(replies.slice(1));
    for (let i = 1; i < replies.length; i++) panel.app.engine.replySent(typedCode);
    panel = panel.reopen();
    expect(panel.app.engine.handle(typedCode)).toEqual([]);
  });
});
