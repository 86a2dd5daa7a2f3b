// Follow-up for participants: the final report on request and once published, in their language, and news of future panels.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { confirmedCohort } from './helpers';
import { inArray } from 'drizzle-orm';
import { people, registrations, reportRequests } from '../../src/db/schema/index';
import { erasePerson } from '../../src/core/privacy/erase';
import { followUpTick } from '../../src/core/followup/tick';
import { Dispatcher } from '../../src/core/outbox/dispatcher';
import { RecordingSender } from '../scheduling/helpers';
import { moveEvent } from '../../src/core/panel/move-event';

let panel: TestPanel;
afterEach(() => panel?.close());

describe('follow-up news', () => {
  it('gives the final report link for "rapport", "verslag", "Bericht" and "report"', () => {
    panel = testPanel({ now: '2027-06-01T10:00:00+02:00' });
    const [fr, nl, de, en] = confirmedCohort(panel, 4, 41);
    const setLang = (id: number, lng: string) => panel.app.db.update(people).set({ language: lng }).where(eq(people.id, id)).run();
    setLang(fr!.id, 'fr');
    setLang(nl!.id, 'nl');
    setLang(de!.id, 'de');
    setLang(en!.id, 'en');
    expect(fr!.user.says('rapport')).toBe('Voici le rapport final du panel\u00a0: https://example.org/citizens-panel-ai/rapport-final.pdf');
    expect(nl!.user.says('verslag')).toContain('https://example.org/citizens-panel-ai/eindverslag.pdf');
    expect(de!.user.says('Bericht')).toContain('https://example.org/citizens-panel-ai/abschlussbericht.pdf');
    expect(en!.user.says('/report')).toContain('https://example.org/citizens-panel-ai/final-report.pdf');

    panel.app.services.config.followUp = {};
    expect(en!.user.says('report')).toContain('not published yet');
  });

  it('sends the report, once published, to every participant and to whoever asked for it', async () => {
    panel = testPanel({ now: '2027-06-01T10:00:00+02:00' });
    const links = panel.app.services.config.followUp.finalReport!;
    panel.app.services.config.followUp = {};
    const [ann, bart, asker, quiet] = confirmedCohort(panel, 4, 47);
    const setLang = (id: number, lng: string) => panel.app.db.update(people).set({ language: lng }).where(eq(people.id, id)).run();
    setLang(ann!.id, 'en');
    setLang(bart!.id, 'nl');
    setLang(asker!.id, 'fr');
    setLang(quiet!.id, 'en');
    // Asker and quiet were not drawn: only asker asks.
    panel.app.db.update(registrations).set({ selection: 'not_selected', participation: 'pending' }).where(inArray(registrations.personId, [asker!.id, quiet!.id])).run();
    expect(asker!.user.says('rapport')).toBe("Le rapport final n'est pas encore publié. Je vous l'enverrai ici dès qu'il le sera.");
    expect(followUpTick(panel.app.services, panel.clock.now()).reports).toBe(0);

    // Published: the links go into the configuration (and panelbot is restarted with it).
    panel.clock.advance(7 * 86_400_000);
    panel.app.services.config.followUp = { finalReport: links };
    expect(followUpTick(panel.app.services, panel.clock.now()).reports).toBe(3);
    expect(followUpTick(panel.app.services, panel.clock.now()).reports).toBe(0);
    const platform = new RecordingSender(panel.clock);
    await new Dispatcher({ services: panel.app.services, senders: [platform] }).tick();
    const got = (i: number) => platform.to(`cohort-47-${i}`).map((d) => d.text);
    expect(got(0)).toEqual([`The panel's final report is published: ${links.en}\nThank you for your part in this work.`]);
    expect(got(1).join()).toContain(links.nl);
    expect(got(2).join()).toContain(links.fr);
    expect(got(3)).toEqual([]);
    // Asked again afterwards: the link at once.
    expect(asker!.user.says('rapport')).toContain(links.fr);
    // The request is personal data: it goes with the person.
    erasePerson(panel.app.db, asker!.id);
    expect(panel.app.db.select().from(reportRequests).all()).toEqual([]);
  });

  it('is never given or sent before the last event is over (moved or not), nor before publishedOn', () => {
    // The example configuration has the links already: three days before the first weekend, nobody gets them.
    panel = testPanel({ now: '2027-02-17T10:00:00+01:00' });
    const [ann] = confirmedCohort(panel, 1, 49);
    panel.app.db.update(people).set({ language: 'en' }).where(eq(people.id, ann!.id)).run();
    expect(ann!.user.says('report')).toContain('not published yet');
    expect(followUpTick(panel.app.services, panel.clock.now()).reports).toBe(0);
    // The closing ceremony moved a week later: the day after its configured date is still too early.
    moveEvent(panel.app.services, 'ceremony', new Date('2027-05-29T14:00:00+02:00'), new Date('2027-05-29T17:00:00+02:00'), panel.clock.now());
    panel.clock.set('2027-05-23T10:00:00+02:00');
    expect(followUpTick(panel.app.services, panel.clock.now()).reports).toBe(0);
    // publishedOn holds it back further.
    panel.app.services.config.followUp.publishedOn = '2027-06-03';
    panel.clock.set('2027-06-02T23:59:00+02:00');
    expect(ann!.user.says('report')).toContain('not published yet');
    expect(followUpTick(panel.app.services, panel.clock.now()).reports).toBe(0);
    panel.clock.set('2027-06-03T00:01:00+02:00');
    expect(followUpTick(panel.app.services, panel.clock.now()).reports).toBe(1);
    expect(ann!.user.says('report')).toContain('final-report.pdf');
  });

  it('lets a participant opt in to hear about future panels', () => {
    panel = testPanel({ now: '2027-06-01T10:00:00+02:00' });
    const [ann] = confirmedCohort(panel, 1, 43);
    panel.app.db.update(people).set({ language: 'en' }).where(eq(people.id, ann!.id)).run();
    expect(ann!.user.says('future panels')).toContain('future citizens');
    expect(ann!.user.says('yes')).toContain('we will tell you about future panels');
    expect(panel.app.db.select({ f: people.futurePanels }).from(people).where(eq(people.id, ann!.id)).get()!.f).toBe(true);
  });

  it('says when no questionnaire is waiting', () => {
    panel = testPanel({ now: '2027-06-01T10:00:00+02:00' });
    const [ann] = confirmedCohort(panel, 1, 45);
    panel.app.db.update(people).set({ language: 'en' }).where(eq(people.id, ann!.id)).run();
    expect(ann!.user.says('questionnaire')).toContain('no questionnaire waiting');
  });
});
