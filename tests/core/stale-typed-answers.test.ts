// A typed answer to a question repeated after a restart, on a platform whose messages carry the time
// they were sent (WhatsApp) but no order: the conversation goes the way the adapters drive it
// (submit, then replySent with the platform's id and time of each reply). The second "Marie", sent
// before the last-name question went out, is not taken for the last name.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { renderPlain } from '../../src/bots/render-text';
import type { Inbound } from '../../src/core/conversation/messages';

let panel: TestPanel;
afterEach(() => panel?.close());

const CROSSED = 'Our messages crossed: that answer was for an earlier question';
const address = { channel: 'whatsapp' as const, userId: '32470666601@c.us' };
let n = 0;

/**
 * Marie sends `text` at `sentSecond` on WhatsApp's clock; each reply goes out at `repliedSecond`.
 * Returns panelbot's replies.
 */
async function says(text: string, sentSecond: number, repliedSecond: number, kind: 'start' | 'text' = 'text'): Promise<string[]> {
  panel.clock.advance(2000);
  const inbound: Inbound = {
    address,
    messageId: `whatsapp:false_${address.userId}_${++n}`,
    content: kind === 'start' ? { kind: 'start', payload: text } : { kind: 'text', text },
    sentAt: new Date(sentSecond * 1000),
  };
  const replies = await panel.app.engine.submit(inbound);
  for (const reply of replies) panel.app.engine.replySent(inbound, reply, `true_${address.userId}_OUT${++n}`, new Date(repliedSecond * 1000));
  panel.app.engine.delivered(inbound);
  return replies.map(renderPlain);
}

function storedAnswers(): Record<string, unknown> {
  const row = panel.app.db.$client.prepare('SELECT data FROM conversations').get() as { data: string };
  return JSON.parse(row.data).stack.at(-1).data.answers as Record<string, unknown>;
}

describe('a typed answer to a question repeated after a restart', () => {
  it('is not applied to the next question when it was sent before that question went out', async () => {
    panel = testPanel();
    const [code] = panel.invite(1, 'nl');
    let t = 1_800_000_000;
    await says(code!, (t += 10), t + 1, 'start');
    for (const answer of ['English', 'continue', 'yes']) await says(answer, (t += 10), t + 1);
    // The first-name question went out at …041. panelbot restarts.
    panel = panel.reopen();
    // Marie asks for help; the same question is asked again (…051).
    expect((await says('help', 1_800_000_050, 1_800_000_051)).at(-1)).toContain('first name');
    // She types her first name, and, as nothing seems to happen, again. The last-name question
    // goes out at …062, after both were sent.
    expect((await says('Marie', 1_800_000_060, 1_800_000_062)).at(-1)).toContain('last name');
    const again = await says('Marie', 1_800_000_061, 1_800_000_063);
    expect(again[0]).toContain(CROSSED);
    expect(again.at(-1)).toContain('last name');
    expect(storedAnswers()).not.toHaveProperty('lastName');
    expect((await says('Dubois', 1_800_000_070, 1_800_000_071)).at(-1)).toContain('date of birth');
    expect(storedAnswers()).toMatchObject({ firstName: 'Marie', lastName: 'Dubois' });
  });

  it('reads an answer typed before any question was shown as before (a quick language after the code)', async () => {
    panel = testPanel();
    const [code] = panel.invite(1, 'nl');
    // The language typed at …000, before the welcome (…001) reached her.
    await says(code!, 1_800_000_000, 1_800_000_001, 'start');
    expect((await says('English', 1_800_000_000, 1_800_000_002)).join('\n')).not.toContain(CROSSED);
  });
});
