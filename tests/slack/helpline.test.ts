// The helpline in the organisers' Slack: a citizen's question on the terminal chat becomes a
// ticket message, organisers claim, answer in the thread (or keep a note), resolve; the answer
// goes back to the citizen through the outbox.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { registered } from '../helpers/register';
import { auditLog, outbox, people, ticketMessages, tickets } from '../../src/db/schema/index';
import { raiseAlert } from '../../src/db/repos/alerts';
import { REFUSAL } from '../../src/bots/slack/organisers';
import { replyToTicket } from '../../src/core/helpline/helpdesk';
import { shown, slackTest, type SlackTest } from './setup';
import { cli } from '../helpers/run-cli';

let t: SlackTest;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const ticket = () => t.panel.app.db.select().from(tickets).get()!;
const pseudonym = () => t.panel.app.db.select().from(people).where(eq(people.id, ticket().personId)).get()!.pseudonym;
const replies = () => t.panel.app.db.select().from(outbox).where(eq(outbox.kind, 'reply')).all();

describe('the Slack app in HTTP mode', () => {
  it('refuses a request that is not signed with the signing secret', async () => {
    t = await slackTest();
    const forged = await t.send.event({ type: 'message', channel: 'CHELP', user: 'UORG1', text: 'hi', ts: '1.1', thread_ts: '1.0' }, { secret: 'wrong-secret' });
    expect(forged.status).toBe(401);
    const genuine = await t.send.event({ type: 'message', channel: 'CHELP', user: 'UORG1', text: 'hi', ts: '1.1' });
    expect(genuine.status).toBe(200);
  });
});

describe('a ticket from the terminal chat to Slack and back', () => {
  it('is posted, claimed, answered in the thread, noted, resolved, and a later message opens a new ticket', async () => {
    t = await slackTest();
    const ann = registered(t.panel, 'x');
    expect(ann.says('My letter went to my old address & I <really> want to take part')).toMatch(/passed on to the team \(reference #1\)/);

    // The poster puts the ticket in the helpline channel.
    expect(await t.slack.poster.tick()).toMatchObject({ posted: 1 });
    const [post] = t.fake.called('chat.postMessage');
    expect(post!.args.channel).toBe('CHELP');
    const message = shown(post!.args);
    expect(message).toContain(pseudonym());
    expect(message).toContain('en · console · *open*');
    expect(message).toContain('My letter went to my old address &amp; I &lt;really&gt; want to take part');
    const buttons = post!.args.blocks.find((b: { type: string }) => b.type === 'actions').elements.map((e: { action_id: string }) => e.action_id);
    expect(buttons).toEqual(['ticket_claim', 'ticket_resolve']);
    const ts = ticket().slackTs!;

    // An organiser from the on-duty user group claims it.
    await t.send.button('UORG2', 'ticket_claim', '1', { channel: 'CHELP', ts });
    expect(t.fake.called('usergroups.users.list')[0]!.args.usergroup).toBe('SDUTY');
    expect(ticket()).toMatchObject({ status: 'claimed', claimedBy: 'slack:UORG2' });
    const claimed = t.fake.called('chat.update').at(-1)!;
    expect(claimed.args).toMatchObject({ channel: 'CHELP', ts });
    expect(shown(claimed.args)).toContain('*claimed* by <@UORG2>');

    // Her answer in the thread is queued for the citizen, on the chat she wrote from.
    await t.send.event({ type: 'message', channel: 'CHELP', user: 'UORG2', text: 'We will send a new letter &amp; code to <https://example.org/addr|your new address>.', ts: '1700000100.000001', thread_ts: ts });
    expect(replies()).toHaveLength(1);
    const [reply] = replies();
    expect(reply).toMatchObject({ personId: ticket().personId, kind: 'reply', priority: 0, channel: 'console', userId: 'x', status: 'pending' });
    expect(JSON.parse(reply!.payload).outbound.text).toBe(
      'Answer from the panel team (your question #1):\n\nWe will send a new letter & code to your new address (https://example.org/addr).',
    );
    expect(t.fake.called('reactions.add').at(-1)!.args).toMatchObject({ timestamp: '1700000100.000001', name: 'outbox_tray' });
    expect(ticket().status).toBe('answered');
    expect(shown(t.fake.called('chat.update').at(-1)!.args)).toContain('*answered*');

    // Slack delivering the same event again does not send the answer twice.
    await t.send.event({ type: 'message', channel: 'CHELP', user: 'UORG2', text: 'We will send a new letter &amp; code to <https://example.org/addr|your new address>.', ts: '1700000100.000001', thread_ts: ts });
    expect(replies()).toHaveLength(1);

    // A note stays with the team.
    await t.send.event({ type: 'message', channel: 'CHELP', user: 'UORG1', text: 'note: checked the address file, it was a typo', ts: '1700000200.000001', thread_ts: ts });
    expect(replies()).toHaveLength(1);
    expect(t.panel.app.db.select().from(ticketMessages).where(eq(ticketMessages.author, 'note')).all()).toMatchObject([{ authorId: 'slack:UORG1', text: 'checked the address file, it was a typo' }]);
    expect(t.fake.called('reactions.add').at(-1)!.args.name).toBe('memo');

    // The citizen answers: it joins the ticket and appears in the thread.
    expect(ann.says('Thank you! Should I throw away the old letter?')).toContain('added this to your question #1');
    const report = await t.slack.poster.tick();
    expect(report).toMatchObject({ followUps: 1, updated: 1 });
    const followUp = t.fake.called('chat.postMessage').at(-1)!;
    expect(followUp.args).toMatchObject({ channel: 'CHELP', thread_ts: ts });
    expect(followUp.args.text).toContain('Should I throw away the old letter?');

    // Resolved: no more buttons.
    await t.send.button('UORG1', 'ticket_resolve', '1', { channel: 'CHELP', ts });
    expect(ticket().status).toBe('resolved');
    const resolved = t.fake.called('chat.update').at(-1)!;
    expect(shown(resolved.args)).toContain('*resolved*');
    expect(resolved.args.blocks.some((b: { type: string }) => b.type === 'actions')).toBe(false);

    // A message after resolution opens a new ticket (never lands in the resolved one), posted anew.
    expect(ann.says('Sorry, one more thing: my new address has a box number')).toMatch(/reference #2/);
    expect(ticket().status).toBe('resolved');
    expect(await t.slack.poster.tick()).toMatchObject({ posted: 1 });
    expect(shown(t.fake.called('chat.postMessage').at(-1)!.args)).toContain('box number');

    const actions = t.panel.app.db.select().from(auditLog).all().map((a) => `${a.actor} ${a.action} ${a.target}`);
    expect(actions).toEqual(expect.arrayContaining(['slack:UORG2 ticket.claim ticket:1', 'slack:UORG2 ticket.reply ticket:1', 'slack:UORG1 ticket.note ticket:1', 'slack:UORG1 ticket.resolve ticket:1']));
  });
});

describe('answers written in the terminal', () => {
  it('are copied to the ticket’s thread, and its message shows the new status', async () => {
    t = await slackTest();
    registered(t.panel, 'x').says('My letter went to my old address');
    await t.slack.poster.tick();
    replyToTicket(t.panel.app.services, 1, 'cli:alice', 'We will send a new letter.');
    expect(await t.slack.poster.tick()).toMatchObject({ copied: 1, updated: 1 });
    const copy = t.fake.called('chat.postMessage').at(-1)!;
    expect(copy.args).toMatchObject({ channel: 'CHELP', thread_ts: ticket().slackTs, text: ':outbox_tray: answer sent by cli:alice:\nWe will send a new letter.' });
    expect(shown(t.fake.called('chat.update').at(-1)!.args)).toContain('*answered* by cli:alice');
    expect(await t.slack.poster.tick()).toMatchObject({ copied: 0, updated: 0 });
  });
});

describe('waiting tickets', () => {
  it('are nudged once after the configured delay, mentioning the organisers on duty', async () => {
    t = await slackTest();
    const ann = registered(t.panel, 'x');
    ann.says('My letter went to my old address');
    await t.slack.poster.tick();
    t.panel.clock.advance(30 * 60_000);
    expect(await t.slack.poster.tick()).toMatchObject({ nudged: 0 });
    t.panel.clock.advance(31 * 60_000);
    expect(await t.slack.poster.tick()).toMatchObject({ nudged: 1 });
    const nudge = t.fake.called('chat.postMessage').at(-1)!;
    expect(nudge.args).toMatchObject({ channel: 'CHELP', thread_ts: ticket().slackTs });
    expect(nudge.args.text).toContain('waiting 61 minutes');
    expect(nudge.args.text).toContain('<!subteam^SDUTY>');
    t.panel.clock.advance(120 * 60_000);
    expect(await t.slack.poster.tick()).toMatchObject({ nudged: 0 });
  });

  it('call the organisers on duty at once when urgent', async () => {
    t = await slackTest();
    const ann = registered(t.panel, 'x');
    ann.says('I am lost near the station, where do I go?');
    await t.slack.poster.tick();
    const [post] = t.fake.called('chat.postMessage');
    expect(shown(post!.args)).toContain(':rotating_light: *urgent* <!subteam^SDUTY>');
  });
});

describe('people who are not organisers', () => {
  it('are refused politely and change nothing', async () => {
    t = await slackTest();
    const ann = registered(t.panel, 'x');
    ann.says('My letter went to my old address');
    await t.slack.poster.tick();
    const ts = ticket().slackTs!;

    await t.send.button('UVISITOR', 'ticket_claim', '1', { channel: 'CHELP', ts });
    expect(ticket().status).toBe('open');
    expect(t.fake.called('chat.postEphemeral').at(-1)!.args).toMatchObject({ user: 'UVISITOR', text: REFUSAL });

    await t.send.event({ type: 'message', channel: 'CHELP', user: 'UVISITOR', text: 'I can answer this!', ts: '1700000300.000001', thread_ts: ts });
    expect(replies()).toHaveLength(0);
    expect(t.fake.called('chat.postEphemeral')).toHaveLength(2);

    const command = await t.send.command('UVISITOR', 'stats');
    expect(command.json()).toMatchObject({ response_type: 'ephemeral', text: REFUSAL });
    expect(t.panel.app.db.select().from(auditLog).all()).toHaveLength(0);
  });
});

describe('the alerts channel', () => {
  it('gets each alert once', async () => {
    t = await slackTest();
    raiseAlert(t.panel.app.db, 'selection_declined', { person: 'P-ABCDEFG', proposedReserve: 'P-HJKMNPQ' }, t.panel.clock.now());
    raiseAlert(t.panel.app.db, 'whatsapp_session', { state: 'disconnected' }, t.panel.clock.now());
    expect(await t.slack.poster.tick()).toMatchObject({ alerts: 2 });
    expect(await t.slack.poster.tick()).toMatchObject({ alerts: 0 });
    const texts = t.fake.called('chat.postMessage').filter((c) => c.args.channel === 'CALERT').map((c) => c.args.text);
    expect(texts).toEqual([':warning: Selected person P-ABCDEFG declined. Best reserve to ask: P-HJKMNPQ.', ':electric_plug: WhatsApp session: disconnected.']);
  });
});

describe('alerts in Slack and in the terminal', () => {
  it('are two facts: a post to Slack does not hide an alert from `panelbot alerts`, and an ack there does not keep it from Slack', async () => {
    t = await slackTest();
    const db = t.panel.app.db;
    raiseAlert(db, 'urgent_message', { person: 'P-ABCDEFG', ticket: 1 }, t.panel.clock.now());
    expect(await t.slack.poster.tick()).toMatchObject({ alerts: 1 });
    const c = cli(t.panel.dbPath);
    // Posted to a channel is not read by someone: still new in the terminal.
    expect(await c.run('alerts', '--json')).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject([{ id: 1, acknowledged: false, postedToSlack: true }]);

    // Acknowledged in the terminal before the poster's tick: Slack still gets it.
    raiseAlert(db, 'withdrawal', { person: 'P-HJKMNPQ' }, t.panel.clock.now());
    expect(await c.run('alerts', 'ack', '2')).toBe(0);
    expect(c.out()).toBe('1 alert acknowledged.\n');
    expect(await c.run('alerts', '--json')).toBe(0);
    expect(JSON.parse(c.out()).map((a: { id: number }) => a.id)).toEqual([1]);
    expect(await t.slack.poster.tick()).toMatchObject({ alerts: 1 });
    const texts = t.fake.called('chat.postMessage').filter((m) => m.args.channel === 'CALERT').map((m) => m.args.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('P-HJKMNPQ');
    expect(await c.run('alerts', '--all', '--json')).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject([
      { id: 1, acknowledged: false, postedToSlack: true },
      { id: 2, acknowledged: true, acknowledgedBy: expect.stringMatching(/^cli:/), postedToSlack: true },
    ]);
  });
});
