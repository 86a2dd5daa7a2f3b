// The organisers' view: the chart of means before and after is a real PNG, `panelbot survey report`
// prints the table and CSV, and the process evaluation keeps its free text apart from the scores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { confirmedCohort, MOMENTS, sendDue } from './helpers';
import { planSurveys } from '../../src/core/followup/plan-surveys';
import { surveyChartPng } from '../../src/core/followup/survey-chart';
import { computeSurveyReport } from '../../src/core/followup/survey-report';
import { surveyComments } from '../../src/db/schema/index';
import { runCli } from '../../src/cli/index';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.subarray(png.length - 8, png.length - 4).toString('latin1')).toBe('IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function fillBoth(p: TestPanel, values: { before: string; after: string }) {
  const people = confirmedCohort(p, 4);
  p.clock.set(MOMENTS.pre);
  planSurveys(p.app.services, p.clock.now());
  await sendDue(p);
  for (const { user } of people) {
    user.says('1');
    for (let i = 0; i < 13; i++) user.says(values.before);
  }
  p.clock.set(MOMENTS.post);
  planSurveys(p.app.services, p.clock.now());
  await sendDue(p);
  for (const { user } of people) {
    user.says('1');
    for (let i = 0; i < 13; i++) user.says(values.after);
  }
  return people;
}

describe('the survey report', () => {
  it('draws before and after per item as a PNG', async () => {
    panel = testPanel({ now: '2027-02-01T10:00:00+01:00' });
    await fillBoth(panel, { before: '2', after: '4' });
    const png = await surveyChartPng(panel.app.db, panel.app.services.config);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(600);
    // 13 items, two bars each, at 2x scale.
    expect(height).toBeGreaterThan(13 * 2 * 14);
  });

  it('prints the table, the CSV and writes the chart from the command line', async () => {
    panel = testPanel({ now: '2027-02-01T10:00:00+01:00' });
    await fillBoth(panel, { before: '3', after: '5' });
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const chart = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'panelbot-chart-')), 'survey.png');

    expect(await runCli(['--db', panel.dbPath, 'survey', 'report', '--chart', chart])).toBe(0);
    const table = out.join('');
    expect(table).toMatch(/I trust artificial intelligence\.\s+4\s+3\.00\s+4\s+5\.00\s+\+2\.00\s+4\s+\+2\.00/);
    pngSize(fs.readFileSync(chart));

    out.length = 0;
    expect(await runCli(['--db', panel.dbPath, 'survey', 'report', '--csv'])).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines[0]).toBe('questionnaire,item,statement,n_before,mean_before,n_after,mean_after,change,n_paired,paired_change');
    expect(lines).toContain('pre/post,ai_trust,I trust artificial intelligence.,4,3.0000,4,5.0000,2.0000,4,2.0000');
  });
});

describe('the process evaluation', () => {
  it('asks four satisfaction scores and a free text, stored apart, and counts the open answers', async () => {
    panel = testPanel({ now: MOMENTS.evaluation });
    const [ann, bob] = confirmedCohort(panel, 2, 11);
    // The post questionnaire's window is still open too: both are sent, the evaluation comes on top.
    expect(planSurveys(panel.app.services, panel.clock.now())).toBe(4);
    await sendDue(panel);
    panel.app.db.$client.prepare("UPDATE people SET language = 'en'").run();

    expect(ann!.user.says('Start now')).toContain('(1/4) How satisfied are you with the information');
    expect(ann!.user.last.at(-1)!.choices!.map((c) => c.label)).toEqual([
      '1 - Very dissatisfied',
      '2 - Dissatisfied',
      '3 - Neutral',
      '4 - Satisfied',
      '5 - Very satisfied',
      'Skip',
    ]);
    expect(ann!.user.says('5')).toContain('helpline');
    expect(ann!.user.says('skip')).toContain('logistics');
    expect(ann!.user.says('4')).toContain('facilitation');
    expect(ann!.user.says('seven')).toContain('number from 1 to 5');
    expect(ann!.user.says('5')).toContain('anything else');
    const end = ann!.user.says('The childcare made it possible for me to come.');
    expect(end).toContain('Thank you for your answers');
    // Back to the questionnaire underneath, which was not answered yet.
    expect(end).toContain('This questionnaire has 13 questions');

    bob!.user.says('Start now');
    for (const v of ['3', '3', '2', '4']) bob!.user.says(v);
    expect(bob!.user.says('Skip')).toContain('Thank you');

    const report = computeSurveyReport(panel.app.db, panel.app.services.config);
    const evaluation = report.singles.find((s) => s.questionnaire === 'evaluation')!;
    expect(evaluation.items.map((i) => [i.item, i.n, i.mean])).toEqual([
      ['information', 2, 4],
      ['helpline', 1, 3],
      ['logistics', 2, 3],
      ['facilitation', 2, 4.5],
    ]);
    expect(evaluation.comments).toBe(1);
    const comments = panel.app.db.select().from(surveyComments).all();
    expect(comments.map((c) => Object.keys(c).sort())).toEqual([['questionnaire', 'respondent', 'text'], ['questionnaire', 'respondent', 'text']]);
  });
});
