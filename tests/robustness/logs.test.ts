// A whole panel run with logging on at the most detailed level: registrations, a helpline
// ticket, the draw, a questionnaire and the compensation. No name, phone number, e-mail address,
// IBAN or free text may appear in any log line.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { testPanel } from '../helpers/chat';
import { createLogger } from '../../src/logging';
import { recordOutcome } from '../../src/core/selection/outcome';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { RecordingSender } from '../scheduling/helpers';
import { planCompensation } from '../../src/core/compensation/compensation';
import { planSurveys } from '../../src/core/followup/plan-surveys';
import { attendance, compensationClaims, people, registrations } from '../../src/db/schema/index';
import { MOMENTS } from '../followup/helpers';
import { replyToTicket } from '../../src/core/helpline/helpdesk';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const panel = testPanel({ now: '2027-01-15T10:00:00+01:00', log: createLogger('trace', sink) });
afterAll(() => panel.close());

const SECRETS = {
  firstName: 'Zébulon',
  lastName: 'Quatremains',
  phone: '0470 98 76 54',
  phoneE164: '+32470987654',
  email: 'zebulon.q@example.be',
  question: 'Mon diabète demande des repas spéciaux',
  iban: 'BE71 0961 2345 6769',
  ibanCompact: 'BE71096123456769',
  holder: 'Zébulon Quatremains',
};

describe('logs', () => {
  it('hold no personal data through a whole panel', async () => {
    const [code] = panel.invite(1, 'fr');
    const z = panel.user('zebulon', 'telegram');
    z.sends({ kind: 'start', payload: code! });
    for (const answer of ['Français', 'continuer', 'oui', SECRETS.firstName, SECRETS.lastName, '02/02/1980', '2', '1000', '6', '1', '1', 'non', 'non', 'non', 'non', 'oui', `${SECRETS.phone} ${SECRETS.email}`, '1']) {
      z.says(answer);
    }
    expect(z.last.map((o) => o.text).join()).toContain('inscription est faite');
    z.says(SECRETS.question);
    z.says('non');
    z.says('mes données');

    const personId = panel.app.db.select().from(people).get()!.id;
    replyToTicket(panel.app.services, 1, 'cli:test', 'Bien sûr, nous prévoyons un repas adapté.');

    // The draw, and the outcome message.
    recordOutcome(panel.app.db, personId, 'selected', panel.clock.now());
    const sender = new RecordingSender(panel.clock);
    (sender as { channel: string }).channel = 'telegram';
    const dispatcher = new Dispatcher({ services: panel.app.services, senders: [sender] });
    await dispatcher.tick();
    z.says('oui');
    for (let i = 0; i < 12; i++) z.says('1');

    // The questionnaire before the first weekend.
    panel.clock.set(MOMENTS.pre);
    planSurveys(panel.app.services, panel.clock.now());
    await dispatcher.tick();
    for (let i = 0; i < 16; i++) z.says(String(1 + (i % 5)));

    // Checked in every weekend day, then the compensation.
    for (const [eventId, day] of [['weekend-1', '2027-02-20'], ['weekend-1', '2027-02-21'], ['weekend-2', '2027-03-20'], ['weekend-2', '2027-03-21'], ['weekend-3', '2027-04-17'], ['weekend-3', '2027-04-18']] as const) {
      panel.app.db.insert(attendance).values({ personId, eventId, day, answer: 'yes', checkedInAt: new Date(`${day}T09:00:00Z`) }).run();
    }
    panel.clock.set(MOMENTS.compensation);
    planCompensation(panel.app.services, panel.clock.now());
    await dispatcher.tick();
    z.says(SECRETS.holder);
    z.says(SECRETS.iban);
    z.says('1');
    expect(panel.app.db.select().from(compensationClaims).all()).toHaveLength(1);
    z.says('supprimer mes données');
    z.says('oui');

    expect(panel.app.db.select().from(registrations).get()!.status).toBe('erased');
    expect(lines.length).toBeGreaterThan(10);
    const all = lines.join('\n');
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect(all.includes(secret), `${what} appears in the logs`).toBe(false);
    }
    // Keep the lines for a person to read when this test fails.
    fs.writeFileSync(path.join(path.dirname(panel.dbPath), 'panel.log'), all);
  });
});
