// A typed answer meant for a question that has since moved on, on WhatsApp: its messages carry no
// order, but each carries the time WhatsApp says it was sent (Message.timestamp, whole seconds), and
// so does each message panelbot sends. An answer sent before the current question was sent is not
// applied to it: the person is told kindly and asked again. The adapter only passes the times on.
import { afterEach, describe, expect, it } from 'vitest';
import { Message, rawMessage, waHarness, type WaHarness, type WaPerson } from './harness';

let h: WaHarness;
afterEach(async () => h?.close());

const CROSSED = 'Our messages crossed: that answer was for an earlier question';

/** What the person sends at `t` (seconds on WhatsApp's clock); the questions panelbot sends then carry `asked`. */
async function sendsAt(person: WaPerson, text: string, t: number, asked: number): Promise<string> {
  h.port.clockSeconds = asked;
  return person.sends({ type: 'chat', body: text, t });
}

function storedAnswers(): Record<string, unknown> {
  const row = h.panel.app.db.$client.prepare('SELECT data FROM conversations').get() as { data: string };
  return JSON.parse(row.data).stack.at(-1).data.answers as Record<string, unknown>;
}

async function atFirstName(person: WaPerson, code: string): Promise<void> {
  let t = 1_800_000_000;
  for (const answer of [code, '4', '1', 'yes']) await sendsAt(person, answer, (t += 10), t + 1);
  expect(h.port.textsTo(person.chatId).at(-1)).toContain('first name');
}

describe('answers for a question that has moved on, on WhatsApp', () => {
  it('the first name sent twice before the last-name question went out does not become the last name', async () => {
    h = await waHarness();
    await h.connect();
    const [code] = h.panel.invite(1, 'nl');
    const marie = h.person('+32 470 55 55 01');
    await atFirstName(marie, code!);
    // The first-name question went out at …041. Marie answers at …100, and again at …101 (she
    // thought the first did not go); the last-name question goes out at …102, after both.
    expect(await sendsAt(marie, 'Marie', 1_800_000_100, 1_800_000_102)).toContain('What is your last name?');
    const second = await sendsAt(marie, 'Marie', 1_800_000_101, 1_800_000_103);
    expect(second).toContain(CROSSED);
    expect(second).toContain('What is your last name?');
    expect(storedAnswers()).not.toHaveProperty('lastName');
    // Her real answer, sent after she saw the question.
    expect(await sendsAt(marie, 'Dubois', 1_800_000_110, 1_800_000_111)).toContain('date of birth');
    expect(storedAnswers()).toMatchObject({ firstName: 'Marie', lastName: 'Dubois' });
  });

  it('an answer sent in the same second as the question is read as its answer (WhatsApp counts whole seconds)', async () => {
    h = await waHarness();
    await h.connect();
    const [code] = h.panel.invite(1, 'nl');
    const jan = h.person('+32 470 55 55 02');
    await atFirstName(jan, code!);
    expect(await sendsAt(jan, 'Jan', 1_800_000_100, 1_800_000_100)).toContain('What is your last name?');
    expect(await sendsAt(jan, 'Peeters', 1_800_000_100, 1_800_000_100)).toContain('date of birth');
    expect(storedAnswers()).toMatchObject({ firstName: 'Jan', lastName: 'Peeters' });
  });

  it('passes WhatsApp’s time of each message through, and decides nothing itself', async () => {
    h = await waHarness();
    await h.connect();
    const seen: Array<Date | undefined> = [];
    const submit = h.panel.app.engine.submit.bind(h.panel.app.engine);
    h.panel.app.engine.submit = (inbound) => (seen.push(inbound.sentAt), submit(inbound));
    await h.emit('message', new Message(h.client, rawMessage('32470555503@c.us', { type: 'chat', body: 'hello', t: 1_800_000_000 })));
    expect(seen).toEqual([new Date(1_800_000_000_000)]);
  });
});
