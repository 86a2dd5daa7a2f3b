// The before/after table: for each item, n and mean before and after, the change of the means,
// and the mean change within the people who answered both (paired by respondent key).
import type { Db } from '../../db/client';
import { answeredValues, commentsOf } from '../../db/repos/surveys';
import type { PanelConfig, Questionnaire } from '../panel/config';
import { bankOf } from './survey-store';

export interface ComparedItem {
  item: string;
  statement: string;
  nBefore: number;
  meanBefore: number | null;
  nAfter: number;
  meanAfter: number | null;
  /** meanAfter - meanBefore (different people may be behind each mean). */
  change: number | null;
  /** People who answered the item both times. */
  nPaired: number;
  /** Mean of (after - before) over those people. */
  pairedChange: number | null;
}

export interface Comparison {
  bank: string;
  before: string;
  after: string;
  items: ComparedItem[];
}

export interface SingleItem {
  item: string;
  statement: string;
  n: number;
  mean: number | null;
}

export interface SingleSummary {
  questionnaire: string;
  items: SingleItem[];
  /** Open answers given (not skipped); their text is not part of the report (`panelbot survey answers` reads them). */
  comments: number;
}

export interface SurveyReport {
  comparisons: Comparison[];
  singles: SingleSummary[];
}

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** item -> respondent -> value, skipped items left out. */
function answersOf(db: Db, questionnaire: string): Map<string, Map<string, number>> {
  const byItem = new Map<string, Map<string, number>>();
  const rows = answeredValues(db, questionnaire);
  for (const r of rows) {
    let m = byItem.get(r.item);
    if (!m) byItem.set(r.item, (m = new Map()));
    m.set(r.respondent, r.value!);
  }
  return byItem;
}

export function compareItems(items: Array<{ id: string; statement: string }>, before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>): ComparedItem[] {
  return items.map(({ id, statement }) => {
    const b = before.get(id) ?? new Map<string, number>();
    const a = after.get(id) ?? new Map<string, number>();
    const meanBefore = mean([...b.values()]);
    const meanAfter = mean([...a.values()]);
    const diffs = [...a.entries()].filter(([r]) => b.has(r)).map(([r, v]) => v - b.get(r)!);
    return {
      item: id,
      statement,
      nBefore: b.size,
      meanBefore,
      nAfter: a.size,
      meanAfter,
      change: meanBefore === null || meanAfter === null ? null : meanAfter - meanBefore,
      nPaired: diffs.length,
      pairedChange: mean(diffs),
    };
  });
}

export function computeSurveyReport(db: Db, config: PanelConfig, lang: 'fr' | 'nl' | 'de' | 'en' = 'en'): SurveyReport {
  const questionnaires = config.surveys?.questionnaires ?? [];
  const paired = new Set<string>();
  const comparisons: Comparison[] = [];
  for (const before of questionnaires.filter((q) => q.wave === 'before')) {
    const after = questionnaires.find((q) => q.wave === 'after' && q.bank === before.bank && !paired.has(q.id));
    if (!after) continue;
    paired.add(before.id).add(after.id);
    const items = bankOf(config, before.bank).items.map((i) => ({ id: i.id, statement: i.text[lang] }));
    comparisons.push({ bank: before.bank, before: before.id, after: after.id, items: compareItems(items, answersOf(db, before.id), answersOf(db, after.id)) });
  }
  const singles = questionnaires.filter((q) => !paired.has(q.id)).map((q) => single(db, config, q, lang));
  return { comparisons, singles };
}

function single(db: Db, config: PanelConfig, q: Questionnaire, lang: 'fr' | 'nl' | 'de' | 'en'): SingleSummary {
  const answers = answersOf(db, q.id);
  const items = bankOf(config, q.bank).items.map((i) => {
    const values = [...(answers.get(i.id)?.values() ?? [])];
    return { item: i.id, statement: i.text[lang], n: values.length, mean: mean(values) };
  });
  const comments = commentsOf(db, q.id)
    .filter((c) => c.text.trim() !== '').length;
  return { questionnaire: q.id, items, comments };
}

const fmt = (x: number | null, signed = false) => (x === null ? '–' : `${signed && x > 0 ? '+' : ''}${x.toFixed(2)}`);

/** A plain-text table for the terminal. */
export function formatSurveyReport(report: SurveyReport): string {
  const lines: string[] = [];
  for (const c of report.comparisons) {
    lines.push(`Questionnaire ${c.before} → ${c.after} (bank ${c.bank}; 1 to 5)`);
    const header = ['item', 'n before', 'before', 'n after', 'after', 'change', 'n paired', 'paired change'];
    const rows = c.items.map((i) => [i.statement, String(i.nBefore), fmt(i.meanBefore), String(i.nAfter), fmt(i.meanAfter), fmt(i.change, true), String(i.nPaired), fmt(i.pairedChange, true)]);
    lines.push(...table(header, rows), '');
  }
  for (const s of report.singles) {
    lines.push(`Questionnaire ${s.questionnaire} (1 to 5)`);
    lines.push(...table(['item', 'n', 'mean'], s.items.map((i) => [i.statement, String(i.n), fmt(i.mean)])));
    lines.push(`Open answers: ${s.comments}${s.comments ? ` (to read them: panelbot survey answers --item ${s.questionnaire})` : ''}`, '');
  }
  if (lines.length === 0) lines.push('No questionnaires are configured (surveys in the panel configuration).');
  return lines.join('\n').trimEnd();
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const cell = (s: string, i: number) => (i === 0 ? (s.length > widths[0]! ? `${s.slice(0, widths[0]! - 1)}…` : s.padEnd(widths[0]!)) : s.padStart(widths[i]!));
  return [header.map(cell).join('  '), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => r.map(cell).join('  '))];
}

/** One CSV row per item of every comparison and single questionnaire. */
export function surveyReportCsv(report: SurveyReport): { header: string[]; rows: Array<Array<string | number>> } {
  const n = (x: number | null) => (x === null ? '' : x.toFixed(4));
  const header = ['questionnaire', 'item', 'statement', 'n_before', 'mean_before', 'n_after', 'mean_after', 'change', 'n_paired', 'paired_change'];
  const rows: Array<Array<string | number>> = [];
  for (const c of report.comparisons) {
    for (const i of c.items) rows.push([`${c.before}/${c.after}`, i.item, i.statement, i.nBefore, n(i.meanBefore), i.nAfter, n(i.meanAfter), n(i.change), i.nPaired, n(i.pairedChange)]);
  }
  for (const s of report.singles) for (const i of s.items) rows.push([s.questionnaire, i.item, i.statement, '', '', i.n, n(i.mean), '', '', '']);
  return { header, rows };
}
