// The /panel command for organisers: numbers, finding a person, logistics, and broadcasts written
// in every panel language, previewed, then queued through the outbox.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { registered, ENGLISH_ANSWERS } from '../helpers/register';
import { attendance, auditLog, broadcasts, outbox, people } from '../../src/db/schema/index';
import { slackTest, type SlackTest } from './setup';

let t: SlackTest;
afterEach(async () => t?.close());

/** Three registrants: two on the terminal chat (one switched to French), one on Telegram. */
function threeRegistrants() {
  registered(t.panel, 'ann');
  const claire = registered(t.panel, 'claire');
  claire.says('language');
  claire.says('Français');
  const [code] = t.panel.invite(1, 'nl');
  const tom = t.panel.user('tom', 'telegram');
  for (const answer of ENGLISH_ANSWERS(code!)) tom.says(answer);
}

const texts = (values: Partial<Record<'fr' | 'nl' | 'de' | 'en', string>>) =>
  Object.fromEntries((['fr', 'nl', 'de', 'en'] as const).map((lng) => [`text_${lng}`, { value: { type: 'plain_text_input', value: values[lng] ?? null } }]));

const audience = (value: string) => ({ audience: { value: { type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } } } });

describe('/panel stats and find', () => {
  it('gives the numbers and finds a person by name, code or pseudonym', async () => {
    t = await slackTest();
    threeRegistrants();
    const stats = await t.send.command('UORG1', 'stats');
    expect(stats.json().text).toContain('Registrations: 3');

    const found = (await t.send.command('UORG1', 'find peeters')).json().text as string;
    expect(found.split('\n')).toHaveLength(3);
    expect(found).toContain('(Ann P.)');
    const pseudonym = t.panel.app.db.select().from(people).get()!.pseudonym;
    expect((await t.send.command('UORG2', `find ${pseudonym.toLowerCase()}`)).json().text).toMatch(new RegExp(`^${pseudonym} \\(Ann P\\.\\): active, en, code \\w{3}-\\w{3}-\\w{3}; registered`));

    const actions = t.panel.app.db.select().from(auditLog).all().map((a) => `${a.actor} ${a.action}`);
    expect(actions).toEqual(['slack:UORG1 stats', 'slack:UORG1 find', 'slack:UORG2 find']);
  });

  it('gives an event’s logistics as counts only, and says how to use the command', async () => {
    t = await slackTest();
    registered(t.panel, 'ann');
    const text = (await t.send.command('UORG1', 'logistics weekend-1')).json().text as string;
    expect(text).toContain('Weekend 1');
    expect(text).not.toContain('Ann');
    expect((await t.send.command('UORG1', 'logistics no-such-event')).json().text).toContain('weekend-1');
    expect((await t.send.command('UORG1', '')).json().text).toContain('/panel broadcast');
  });
});

describe('/panel survey', () => {
  it('answers with the table, then posts the chart as a PNG in the channel', async () => {
    t = await slackTest();
    const { recordAnswer } = await import('../../src/core/followup/survey-store');
    const items = ['ai_daily_life', 'ai_working_life'];
    for (const [who, before, after] of [['r1', 2, 4], ['r2', 3, 4]] as const) {
      for (const item of items) {
        recordAnswer(t.panel.app.db, who, 'pre', item, before);
        recordAnswer(t.panel.app.db, who, 'post', item, after);
      }
    }
    const answer = (await t.send.command('UORG1', 'survey')).json().text as string;
    expect(answer).toContain('Questionnaire pre → post');
    const until = Date.now() + 30_000;
    while (!t.fake.called('files.completeUploadExternal').length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const [upload] = t.fake.called('upload');
    // The upload is multipart: the PNG (signature and end chunk) is inside it.
    const bytes = upload!.args.bytes as Buffer;
    expect(bytes.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeGreaterThanOrEqual(0);
    expect(bytes.indexOf(Buffer.from('IEND', 'latin1'))).toBeGreaterThan(0);
    expect(t.fake.called('files.completeUploadExternal')[0]!.args.channel_id).toBe('CHELP');
  });
});

describe('/panel draw report', () => {
  it('says when no draw is recorded, then answers with the fairness report and posts its chart', async () => {
    t = await slackTest();
    expect((await t.send.command('UORG1', 'draw report')).json().text).toContain('No built-in draw is recorded yet');
    expect((await t.send.command('UORG1', 'draw')).json().text).toContain('Usage: `/panel draw report`');

    // A draw as `npx panelbot draw` records it (on a small pool of sortition-algorithms' tests).
    const { draw } = await import('../../src/core/selection/draw/index');
    const { fairnessReport } = await import('../../src/core/selection/draw/fairness');
    const { insertDraw } = await import('../../src/db/repos/draws');
    const { example5 } = await import('../selection/sortition-fixtures');
    const problem = example5();
    const result = await draw(problem, 'maximin', { seed: 9 });
    const report = fairnessReport(problem, result, { panelbot: '0.1.0', poolHash: 'a'.repeat(64), quotasHash: 'b'.repeat(64) });
    insertDraw(t.panel.app.db, { source: 'built-in maximin', selected: 5, reserves: 0, reserveMethod: 'lot_weighted_to_panel_profile', reserveSeed: '9', details: JSON.stringify({ report }), recordedAt: t.panel.clock.now() });

    const text = (await t.send.command('UORG1', 'draw report')).json().text as string;
    expect(text).toContain('Draw: maximin, seed 9, 5 seats from 7 people');
    expect(text).toContain('least 50.00 %');
    expect(text).toContain(`people.csv sha256 ${'a'.repeat(64)}`);
    const until = Date.now() + 30_000;
    while (!t.fake.called('files.completeUploadExternal').length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const bytes = t.fake.called('upload')[0]!.args.bytes as Buffer;
    expect(bytes.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeGreaterThanOrEqual(0);
    const actions = t.panel.app.db.select().from(auditLog).all().map((a) => `${a.actor} ${a.action}`);
    expect(actions).toEqual(['slack:UORG1 draw_report']);
  });
});

describe('/panel checkin', () => {
  it('marks someone present on an event day, once, and audits it', async () => {
    // Registered while registration was open, checked in on the first weekend.
    t = await slackTest({ now: '2027-01-20T10:00:00+01:00' });
    registered(t.panel, 'ann');
    t.panel.clock.set('2027-02-20T09:40:00+01:00');
    const pseudonym = t.panel.app.db.select().from(people).get()!.pseudonym;
    // Registered but never drawn: recorded, with a warning that they were not expected.
    const first = (await t.send.command('UORG1', `checkin weekend-1 ${pseudonym.toLowerCase()}`)).json().text as string;
    expect(first).toBe(`${pseudonym} checked in for weekend-1 on 2027-02-20. Warning: ${pseudonym} is not expected: not among the selected people taking part (a reserve, declined, withdrawn or not drawn).`);
    expect((await t.send.command('UORG1', `checkin weekend-1 ${pseudonym}`)).json().text).toContain('was already checked in');
    expect((await t.send.command('UORG1', `checkin weekend-2 ${pseudonym}`)).json().text).toContain('takes place on 2027-03-20, 2027-03-21');
    const row = t.panel.app.db.select().from(attendance).get()!;
    expect(row).toMatchObject({ eventId: 'weekend-1', day: '2027-02-20', checkedInBy: 'slack:UORG1' });
    expect(t.panel.app.db.select().from(auditLog).all().filter((a) => a.action === 'attendance.checkin')).toHaveLength(1);
  });
});

describe('/panel broadcast', () => {
  it('tells how long the WhatsApp part takes at the safe pace', async () => {
    t = await slackTest();
    for (const id of ['wa-1', 'wa-2', 'wa-3']) {
      const [code] = t.panel.invite(1, 'nl');
      const u = t.panel.user(id, 'whatsapp');
      for (const answer of ENGLISH_ANSWERS(code!)) u.says(answer);
    }
    await t.send.command('UORG1', 'broadcast');
    const complete = texts({ fr: 'Bonjour', nl: 'Hallo', de: 'Hallo', en: 'Hello' });
    const preview = (await t.send.submit('UORG1', 'broadcast_compose', { ...audience('registrants'), ...complete })).json();
    // Three people, two gaps of 4 to 9 seconds: about 13 s typically, 18 s at most, shown in whole minutes.
    expect(preview.view.blocks[0].text.text).toContain('By language: en 3\nBy channel: whatsapp 3\nOn WhatsApp this takes about 1 min (at most 1 min), paced to avoid a ban.');
  });

  it('is refused while a language read in the audience is missing, then previewed and queued in each person’s language', async () => {
    t = await slackTest();
    threeRegistrants();
    await t.send.command('UORG1', 'broadcast');
    const [open] = t.fake.called('views.open');
    expect(open!.args.trigger_id).toBe('trigger-UORG1');
    expect(open!.args.view.callback_id).toBe('broadcast_compose');

    // French is missing, and Claire reads French: the modal says so and nothing is saved.
    const missing = await t.send.submit('UORG1', 'broadcast_compose', {
      ...audience('registrants'),
      ...texts({ nl: 'Herinnering: inschrijven kan tot 31 januari.', de: 'Erinnerung: Anmeldung bis 31. Januar.', en: 'Reminder: registration until 31 January.' }),
    });
    expect(missing.json()).toEqual({ response_action: 'errors', errors: { text_fr: 'The text in Français is missing: people in this audience read Français.' } });
    expect(t.panel.app.db.select().from(broadcasts).all()).toHaveLength(0);

    // Complete: a preview with the number of people per channel.
    const complete = texts({
      fr: 'Rappel : inscriptions jusqu’au 31 janvier.',
      nl: 'Herinnering: inschrijven kan tot 31 januari.',
      de: 'Erinnerung: Anmeldung bis 31. Januar.',
      en: 'Reminder: registration until 31 January.',
    });
    const preview = (await t.send.submit('UORG1', 'broadcast_compose', { ...audience('registrants'), ...complete })).json();
    expect(preview.response_action).toBe('update');
    expect(preview.view.callback_id).toBe('broadcast_confirm');
    expect(preview.view.blocks[0].text.text).toContain('*All registrants: 3 people*\nBy language: fr 1, en 2\nBy channel: console 2, telegram 1');
    expect(t.panel.app.db.select().from(outbox).where(eq(outbox.kind, 'broadcast')).all()).toHaveLength(0);

    // Confirmed: one outbox row per person, in their language.
    const sent = await t.send.submit('UORG1', 'broadcast_confirm', {}, preview.view.private_metadata);
    expect(sent.json()).toEqual({ response_action: 'clear' });
    const rows = t.panel.app.db.select().from(outbox).where(eq(outbox.kind, 'broadcast')).all();
    expect(rows.map((r) => JSON.parse(r.payload).outbound.text).sort()).toEqual([
      'Rappel : inscriptions jusqu’au 31 janvier.',
      'Reminder: registration until 31 January.',
      'Reminder: registration until 31 January.',
    ]);
    expect(rows.every((r) => r.priority === 10 && r.status === 'pending')).toBe(true);
    expect(t.fake.called('chat.postMessage').at(-1)!.args).toMatchObject({ channel: 'CALERT', text: expect.stringContaining('queued by <@UORG1>: 3 messages') });

    // Confirming twice queues nothing more.
    await t.send.submit('UORG1', 'broadcast_confirm', {}, preview.view.private_metadata);
    expect(t.panel.app.db.select().from(outbox).where(eq(outbox.kind, 'broadcast')).all()).toHaveLength(3);
    const actions = t.panel.app.db.select().from(auditLog).all().map((a) => a.action);
    expect(actions).toEqual(['broadcast.preview', 'broadcast.queue']);
  });

  it('asks for the event when the audience is an event’s attendees', async () => {
    t = await slackTest();
    const all = texts({ fr: 'a', nl: 'b', de: 'c', en: 'd' });
    const res = await t.send.submit('UORG2', 'broadcast_compose', { ...audience('attendees'), ...all });
    expect(res.json()).toEqual({ response_action: 'errors', errors: { event: 'Choose the event whose attendees should get it.' } });
  });
});
