// The helpline as a citizen meets it: questions the FAQ knows are answered at once, with "did
// this help?"; anything else, or a "no", goes to a person as a ticket.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { tickets, ticketMessages } from '../../src/db/schema/index';
import { panelCalendar } from '../../src/core/panel/calendar';
import { loadFaq, parseFaq, renderAnswer, resolveFaqDir } from '../../src/core/helpline/faq';
import { LANGUAGES } from '../../src/core/panel/config';

let panel: TestPanel;
afterEach(() => panel?.close());

const ticketCount = () => panel.app.db.select().from(tickets).all().length;

describe('a registered person asks a question the FAQ knows', () => {
  it('gets the answer in English, and "yes" ends it without bothering the team', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    const answer = ann.says('How much do I get paid?');
    expect(answer).toContain('compensation of 320 EUR');
    expect(answer).toContain('Did this answer your question?');
    expect(answer).toMatch(/1\. Yes, thank you\n\s+2\. No, I want to ask a person/);
    expect(ann.presses('Yes, thank you')).toContain('Glad I could help');
    expect(ticketCount()).toBe(0);
    // Back home: the next question is read as a question again.
    expect(ann.says('Is there childcare?')).toContain('children under 12');
  });

  it('gets the answer in French, and "non" hands the question to a person', () => {
    panel = testPanel();
    const claire = registered(panel, 'claire');
    claire.says('language');
    claire.says('Français');
    const answer = claire.says("Est-ce qu'il y a une garde d'enfants ?");
    expect(answer).toContain('garde d’enfants professionnelle'.replace('’', "'"));
    expect(answer).toContain('Cette réponse répond-elle à votre question\u00a0?');
    const handed = claire.says('non');
    expect(handed).toMatch(/votre question a été transmise à l'équipe \(référence #\d+\)/);
    const [ticket] = panel.app.db.select().from(tickets).all();
    expect(ticket).toMatchObject({ status: 'open', language: 'fr', channel: 'console', userId: 'claire' });
    const [message] = panel.app.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket!.id)).all();
    expect(message!.text).toBe("Est-ce qu'il y a une garde d'enfants ?");
  });

  it('gets the easy-read answer after asking for easy words, and the usual one after "normal text"', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    ann.says('easy');
    const entry = loadFaq(resolveFaqDir('faq')).match('en', 'Is there childcare?')!.entry;
    expect(entry.easy).toBeDefined(); // the test needs an entry with an easy-read answer
    const calendar = panelCalendar(panel.app.db, panel.app.services.config);
    const easy = ann.says('Is there childcare?');
    expect(easy).toContain(renderAnswer(entry, 'en', panel.app.services.config, calendar, true));
    expect(easy).not.toContain('Professional childcare is offered');
    ann.presses('Yes, thank you');
    ann.says('normal text');
    expect(ann.says('Is there childcare?')).toContain('Professional childcare is offered free of charge for children under 12');
  });

  it('fills in the panel’s own dates', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    const answer = ann.says('When are the panel days?');
    expect(answer).toContain('Weekend 1: getting to know the topic: Saturday, 20 February 2027 – Sunday, 21 February 2027, 09:30');
    expect(answer).not.toContain('{{');
  });

  it('takes another question instead of yes or no as a new question', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    ann.says('Is there a hotel?');
    expect(ann.says('I am vegetarian')).toContain('dietary wishes');
    expect(ticketCount()).toBe(0);
  });
});

describe('questions for a person', () => {
  it('go to the team when the FAQ has no confident answer', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    expect(ann.says('My registration code letter was sent to my old address')).toMatch(/passed on to the team \(reference #1\)/);
    expect(ticketCount()).toBe(1);
  });

  it('go straight to the team when the person is lost, late or ill, even when the FAQ knows the topic', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    const reply = ann.says('I am lost, where is the venue?');
    expect(reply).toMatch(/went to the team as urgent/);
    expect(reply).not.toContain('Egmont');
    expect(panel.app.db.select().from(tickets).get()!.urgent).toBe(true);
  });

  it('join the ticket while it is open, and a message after resolution opens a new one', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    ann.says('My registration code letter was sent to my old address');
    // While the team works on it, even a question the FAQ knows joins the ticket.
    expect(ann.says('Also, is there childcare?')).toContain('I have added this to your question #1');
    expect(panel.app.db.select().from(ticketMessages).where(eq(ticketMessages.author, 'citizen')).all()).toHaveLength(2);
    panel.app.db.update(tickets).set({ status: 'resolved' }).run();
    // A new question never lands in the old, resolved ticket.
    expect(ann.says('One more thing about my address')).toMatch(/passed on to the team \(reference #2\)/);
    expect(panel.app.db.select().from(tickets).all()).toMatchObject([
      { id: 1, status: 'resolved' },
      { id: 2, status: 'open' },
    ]);
  });

  it('"talk to a person" skips the FAQ and comes back to the registration', () => {
    panel = testPanel();
    const gina = panel.user('gina');
    gina.says('English');
    gina.says('person');
    const handed = gina.says('Do you reimburse the train ticket?');
    expect(handed).not.toContain('travel to and from the panel is paid back');
    expect(handed).toMatch(/passed on to the team \(reference #1\)/);
    expect(handed).toContain('code printed on your invitation letter');
  });

  it('a question typed while another question is pending is answered, then the question is asked again', () => {
    panel = testPanel();
    const gina = panel.user('gina');
    gina.says('English');
    const answer = gina.says('Do you reimburse the train ticket?');
    expect(answer).toContain('travel to and from the panel is paid back');
    expect(answer).toContain('Did this answer your question?');
    const back = gina.says('Yes, thank you');
    expect(back).toContain('code printed on your invitation letter');
    // "Did this help?" expires: a day later, "yes" is read by the question below, not as feedback.
    expect(gina.says('Do you reimburse the train ticket?')).toContain('Did this answer your question?');
    panel.clock.advance(24 * 3600_000);
    const later = gina.says('yes');
    expect(later).not.toContain('Glad I could help');
    expect(later).toContain(panel.app.services.i18n.t('en', 'registration:code.format'));
  });
});

describe('the FAQ files', () => {
  it('have a dozen or more entries in every language, all placeholders known', () => {
    const faq = loadFaq(resolveFaqDir('faq'));
    panel = testPanel();
    for (const lng of LANGUAGES) {
      const entries = faq.entries(lng);
      expect(entries.length, lng).toBeGreaterThanOrEqual(12);
      for (const entry of entries) expect(renderAnswer(entry, lng, panel.app.services.config, panelCalendar(panel.app.db, panel.app.services.config)), `${lng} ${entry.question}`).not.toMatch(/\{\{/);
    }
  });

  it('give an easy-read answer the same placeholders as its answer', () => {
    const faq = loadFaq(resolveFaqDir('faq'));
    const placeholders = (text: string) => [...new Set(text.match(/\{\{\s*\w+\s*\}\}/g) ?? [])].sort();
    const withEasy = LANGUAGES.flatMap((lng) => faq.entries(lng).filter((e) => e.easy).map((e) => ({ lng, e })));
    expect(withEasy.length).toBeGreaterThan(0);
    for (const { lng, e } of withEasy) expect(placeholders(e.easy!), `${lng} ${e.question}`).toEqual(placeholders(e.answer));
  });

  it('are read as headings, keywords and answers', () => {
    const entries = parseFaq('# title\n<!-- note -->\n## Can I park?\nkeywords: parking, car\n\nYes, at the back.\n\n## Empty?\n');
    expect(entries).toEqual([{ id: 1, question: 'Can I park?', keywords: ['parking', 'car'], answer: 'Yes, at the back.' }]);
  });

  it('may give an entry an easy-read answer, from a line starting "easy:" to the next heading', () => {
    const entries = parseFaq('## Can I park?\nkeywords: parking\n\nYes, at the back of the building.\n\neasy: Yes.\nPark at the back.\n\n## Is there wifi?\n\nYes.\n');
    expect(entries[0]).toEqual({ id: 1, question: 'Can I park?', keywords: ['parking'], answer: 'Yes, at the back of the building.', easy: 'Yes.\nPark at the back.' });
    expect(entries[1]).not.toHaveProperty('easy');
  });

  it('answer in Dutch and German too', () => {
    const faq = loadFaq(resolveFaqDir('faq'));
    expect(faq.match('nl', 'Is er kinderopvang?')?.entry.question).toBe('Is er kinderopvang?');
    expect(faq.match('de', 'Werden die Fahrtkosten erstattet?')?.entry.question).toBe('Werden meine Fahrtkosten erstattet?');
    expect(faq.match('de', 'Mein Nachbar hat einen Hund')).toBeUndefined();
  });
});
