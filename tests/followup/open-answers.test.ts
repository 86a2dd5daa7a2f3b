// `panelbot survey answers`: the open answers of the questionnaires, per item, with the phase
// (before/after), by a respondent label that is neither a name nor a pseudonym.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { cli as cliOn, ROOT } from '../helpers/run-cli';
import { recordComment, respondentKey } from '../../src/core/followup/survey-store';
import { parseCsv } from '../../src/cli/csv';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

/** The example panel with an open question at the end of the questionnaire before the panel too. */
function configWithOpenQuestionBefore(dir: string): string {
  const text = fs
    .readFileSync(path.join(ROOT, 'panel.example.yaml'), 'utf8')
    .replace(/: surveys\//g, `: ${ROOT}/surveys/`)
    .replace('{ id: pre, bank: panel-ai-2024, wave: before,', '{ id: pre, bank: panel-ai-2024, wave: before, comment: true,');
  const file = path.join(dir, 'panel.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('panelbot survey answers', () => {
  it('lists the open answers per item with the phase, pseudonymised, as text, CSV and JSON', async () => {
    panel = testPanel();
    const db = panel.app.db;
    const [ann, bob, cem] = seedCohort(db, 3, panel.clock.now(), 71);
    const key = (id: number | undefined) => respondentKey(db, id!);
    recordComment(db, key(ann), 'pre', 'I hope we will be listened to.');
    recordComment(db, key(bob), 'pre', 'Curious.\nA bit nervous too.');
    recordComment(db, key(ann), 'evaluation', 'The facilitators were great; the room was cold.');
    recordComment(db, key(bob), 'evaluation', ''); // skipped
    recordComment(db, key(cem), 'evaluation', 'More time for the last vote, please.');
    const c = cliOn(panel.dbPath);
    const config = configWithOpenQuestionBefore(path.dirname(c.file('x', '')));

    expect(await c.run('--config', config, 'survey', 'answers')).toBe(0);
    const text = c.out();
    expect(text).toContain('Open question of pre (before the panel): 2 answers');
    expect(text).toContain('Open question of evaluation (after the panel): 2 answers');
    expect(text).toMatch(/ {2}R-[0-9a-f]{6} {2}Curious\.\n {12}A bit nervous too\./);
    // No name, no pseudonym, no respondent key.
    for (const hidden of ['First0', 'Last1', 'P-T71-', key(ann)]) expect(text).not.toContain(hidden);

    expect(await c.run('--config', config, 'survey', 'answers', '--json')).toBe(0);
    const json = JSON.parse(c.out()) as Array<{ item: string; phase: string; respondent: string; text: string }>;
    expect(json.map((a) => [a.item, a.phase, a.text]).sort()).toEqual([
      ['evaluation', 'after', 'More time for the last vote, please.'],
      ['evaluation', 'after', 'The facilitators were great; the room was cold.'],
      ['pre', 'before', 'Curious.\nA bit nervous too.'],
      ['pre', 'before', 'I hope we will be listened to.'],
    ]);
    // One person's answers before and after carry the same label, to be read together.
    const labelOf = (t: string) => json.find((a) => a.text === t)!.respondent;
    expect(labelOf('I hope we will be listened to.')).toBe(labelOf('The facilitators were great; the room was cold.'));
    expect(labelOf('Curious.\nA bit nervous too.')).not.toBe(labelOf('I hope we will be listened to.'));

    expect(await c.run('--config', config, 'survey', 'answers', '--item', 'evaluation', '--csv')).toBe(0);
    const csv = parseCsv(c.out());
    expect(csv.header).toEqual(['item', 'phase', 'respondent', 'answer']);
    expect(csv.rows.map((r) => r.values.answer).sort()).toEqual(['More time for the last vote, please.', 'The facilitators were great; the room was cold.']);

    // The report counts them and says where to read them.
    expect(await c.run('--config', config, 'survey', 'report')).toBe(0);
    expect(c.out()).toContain('Open answers: 2 (to read them: panelbot survey answers --item evaluation)');

    expect(await c.run('--config', config, 'survey', 'answers', '--item', 'post')).toBe(2);
    expect(c.errLines()).toEqual(['panelbot: no open question "post": the questionnaires with one (comment: true) are pre, evaluation']);
  });
});
