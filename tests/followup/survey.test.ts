// Sixty participants answer the same questionnaire before the first weekend and after the last,
// one statement at a time, skipping some, stopping halfway and coming back; the report's means and
// paired changes are checked against sums computed here from what each person typed.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { random } from '../helpers/cohort';
import { confirmedCohort, MOMENTS, sendDue } from './helpers';
import { planSurveys } from '../../src/core/followup/plan-surveys';
import { computeSurveyReport } from '../../src/core/followup/survey-report';
import { bankOf } from '../../src/core/followup/survey-store';
import { outbox, surveyAnswers, surveyKeys } from '../../src/db/schema/index';
import { eq } from 'drizzle-orm';

let panel: TestPanel;
afterEach(() => panel?.close());

type Answers = Map<string, number>;

describe('questionnaires before and after', () => {
  it('gives per item n, means, change and the mean paired change of those who answered both', async () => {
    panel = testPanel({ now: '2027-02-10T10:00:00+01:00' });
    const cohort = confirmedCohort(panel, 60);
    const config = panel.app.services.config;
    const items = bankOf(config, 'panel-ai-2024').items.map((i) => i.id);
    const rnd = random(42);

    // Too early: nothing is sent.
    expect(planSurveys(panel.app.services, panel.clock.now())).toBe(0);

    const before = new Map<number, Answers>();
    const after = new Map<number, Answers>();

    function answerAll(who: (typeof cohort)[number], into: Answers, opts: { stopAt?: number }) {
      expect(who.user.says('1')).toContain(`(1/${items.length})`);
      items.forEach((item, i) => {
        if (opts.stopAt === i) {
          // Leaves halfway, and comes back later with the word "questionnaire".
          who.user.says('cancel');
          const back = who.user.says('questionnaire');
          expect(back).toContain(`(${i + 1}/${items.length})`);
        }
        if (rnd() < 0.12) {
          who.user.says('6'); // skip
          return;
        }
        const value = 1 + Math.floor(rnd() * 5);
        into.set(item, value);
        const reply = who.user.says(String(value));
        if (i === items.length - 1) expect(reply).toMatch(/Thank|Merci|Dank|Vielen/);
      });
    }

    panel.clock.set(MOMENTS.pre);
    expect(planSurveys(panel.app.services, panel.clock.now())).toBe(60);
    expect(planSurveys(panel.app.services, panel.clock.now())).toBe(0); // once per person
    await sendDue(panel);
    cohort.forEach((p, n) => {
      if (n % 10 === 9) return; // six never answer before
      const mine: Answers = new Map();
      before.set(p.id, mine);
      answerAll(p, mine, { stopAt: n % 7 === 0 ? 5 : undefined });
    });

    panel.clock.set(MOMENTS.post);
    expect(planSurveys(panel.app.services, panel.clock.now())).toBe(60);
    await sendDue(panel);
    cohort.forEach((p, n) => {
      if (n % 8 === 3) return; // others never answer after
      const mine: Answers = new Map();
      after.set(p.id, mine);
      answerAll(p, mine, {});
    });

    const report = computeSurveyReport(panel.app.db, config);
    expect(report.comparisons).toHaveLength(1);
    const rows = report.comparisons[0]!.items;
    expect(rows.map((r) => r.item)).toEqual(items);

    for (const row of rows) {
      let sumB = 0, nB = 0, sumA = 0, nA = 0, sumD = 0, nD = 0;
      for (const [id, answers] of before) if (answers.has(row.item)) (sumB += answers.get(row.item)!), nB++;
      for (const [id, answers] of after) {
        if (!answers.has(row.item)) continue;
        sumA += answers.get(row.item)!;
        nA++;
        const b = before.get(id)?.get(row.item);
        if (b !== undefined) (sumD += answers.get(row.item)! - b), nD++;
      }
      expect(row.nBefore).toBe(nB);
      expect(row.nAfter).toBe(nA);
      expect(row.nPaired).toBe(nD);
      expect(row.meanBefore).toBeCloseTo(sumB / nB, 10);
      expect(row.meanAfter).toBeCloseTo(sumA / nA, 10);
      expect(row.change).toBeCloseTo(sumA / nA - sumB / nB, 10);
      expect(row.pairedChange).toBeCloseTo(sumD / nD, 10);
      // Gaps are real: fewer than everyone, and the pairs are fewer than either wave.
      expect(nB).toBeLessThan(60);
      expect(nD).toBeLessThanOrEqual(Math.min(nA, nB));
    }
    // The paired change differs from the change of means when different people answered.
    expect(rows.some((r) => Math.abs(r.change! - r.pairedChange!) > 1e-9)).toBe(true);
  });

  it('keeps answers without person id, with a "later" and a stale button handled', async () => {
    panel = testPanel({ now: MOMENTS.pre });
    const [ann] = confirmedCohort(panel, 1, 3);
    planSurveys(panel.app.services, panel.clock.now());
    const invite = panel.app.db.select().from(outbox).where(eq(outbox.personId, ann!.id)).get()!;
    expect(JSON.parse(invite.payload).template.choices).toEqual([
      { id: 'survey.start:yes', key: 'survey:startNow' },
      { id: 'survey.start:later', key: 'survey:later' },
    ]);
    expect(invite.essential).toBe(false);
    await sendDue(panel);

    // The invitation's buttons land in the questionnaire (the dispatcher passes their ids back).
    expect(ann!.user.sends({ kind: 'choice', choiceId: 'survey.start:later' })).toMatch(/questionnaire|vragenlijst|Fragebogen/);
    const first = ann!.user.says('questionnaire');
    expect(first).toContain('(1/13)');
    const firstButtons = ann!.user.last.flatMap((o) => o.choices ?? []);
    expect(firstButtons).toHaveLength(6);
    ann!.user.sends({ kind: 'choice', choiceId: firstButtons[3]!.id }); // 4
    // Pressing the first statement's button again does not answer the second one.
    ann!.user.sends({ kind: 'choice', choiceId: firstButtons[0]!.id });
    expect(ann!.user.last.at(-1)!.text).toContain('(2/13)');

    const rows = panel.app.db.select().from(surveyAnswers).all();
    expect(rows).toEqual([{ respondent: expect.any(String), questionnaire: 'pre', item: 'ai_daily_life', value: 4 }]);
    expect(Object.keys(rows[0]!)).not.toContain('personId');
    const key = panel.app.db.select().from(surveyKeys).get()!;
    expect(key.respondent).toBe(rows[0]!.respondent);
    expect(key.respondent).toMatch(/^[A-Za-z0-9_-]{22}$/); // random, not derived from the person
  });
});
