// A conversation as the adapters hold it: every message through engine.submit, each reply
// confirmed (replySent, delivered), and each reply checked on its own and in order, not one
// joined string. A redelivery of a confirmed message is then answered with nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { formatCode } from '../../src/core/registration/invitation-code';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('replies one by one, through submit', () => {
  it('greets, asks the code, accepts it and explains the panel, each in its own reply', async () => {
    panel = testPanel({ now: '2027-01-15T10:00:00+01:00' });
    const [code] = panel.invite(1, 'fr');
    const ann = panel.user('ann');
    const t = (key: string, params?: Record<string, unknown>) => panel.app.services.i18n.t('en', key, params);

    // A first text that names no language: the greeting in every language with the choice.
    const greeting = await ann.tells('hey there');
    expect(greeting).toHaveLength(1);
    expect(greeting[0]).toMatch(/^Bienvenue\u00a0![\s\S]*Welcome! I am the assistant/);
    // Something else again: only the request, in every language.
    const request = await ann.tells('hey there');
    expect(request).toHaveLength(1);
    expect(request[0]).toContain('Please answer with the number of your language (1 to 4).');
    expect(request[0]).not.toContain('Welcome!');

    expect(await ann.tells('English')).toEqual(['Fine, we will continue in English.', t('registration:code.ask')]);

    const accepted = await ann.tells(code!);
    expect(accepted[0]).toBe(t('registration:code.accepted', { code: formatCode(code!) }));
    expect(accepted[1]).toContain('brings together 60 residents drawn by lot');
    expect(accepted).toHaveLength(2);

    // The same platform message delivered again (a redelivery after a crash) is answered with nothing.
    const again = await panel.app.engine.submit({ address: { channel: 'console', userId: 'ann' }, messageId: 'same-message', content: { kind: 'text', text: 'hello' } });
    panel.app.engine.delivered({ address: { channel: 'console', userId: 'ann' }, messageId: 'same-message' });
    panel.app.engine.flushDeliveries();
    expect(again.length).toBeGreaterThan(0);
    expect(await panel.app.engine.submit({ address: { channel: 'console', userId: 'ann' }, messageId: 'same-message', content: { kind: 'text', text: 'hello' } })).toEqual([]);
  });
});
