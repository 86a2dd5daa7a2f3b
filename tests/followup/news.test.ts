// Follow-up for participants: the final report on request, in their language, and news of future panels.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { confirmedCohort } from './helpers';
import { people } from '../../src/db/schema/index';

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
    expect(fr!.user.says('rapport')).toBe('Voici le rapport final du panel : https://example.org/citizens-panel-ai/rapport-final.pdf');
    expect(nl!.user.says('verslag')).toContain('https://example.org/citizens-panel-ai/eindverslag.pdf');
    expect(de!.user.says('Bericht')).toContain('https://example.org/citizens-panel-ai/abschlussbericht.pdf');
    expect(en!.user.says('/report')).toContain('https://example.org/citizens-panel-ai/final-report.pdf');

    panel.app.services.config.followUp = {};
    expect(en!.user.says('report')).toContain('not published yet');
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
