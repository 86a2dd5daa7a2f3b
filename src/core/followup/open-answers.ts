// The questionnaires' open answers, readable by organisers (`panelbot survey answers`). A
// questionnaire with `comment: true` ends with one open question: that is its open item, named by the
// questionnaire's id. Answers carry no name and no person id: only a short respondent label made from
// the random respondent key, the same for one person's answers before and after (so they can be read
// together), and meaningless once retention has erased the key's link to the person.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { openAnswersOf } from '../../db/repos/surveys';
import type { PanelConfig, Questionnaire } from '../panel/config';

export interface OpenAnswer {
  /** The questionnaire whose open question it answers. */
  item: string;
  /** before or after the panel: the questionnaire's wave, else when it is sent. */
  phase: 'before' | 'after';
  respondent: string;
  text: string;
}

export function phaseOf(q: Questionnaire): 'before' | 'after' {
  return q.wave ?? (q.when === 'before_first_weekend' ? 'before' : 'after');
}

/** "R-3f9a1c": not the key itself, which could be matched against the survey_keys table. */
export function respondentLabel(respondent: string): string {
  return `R-${createHash('sha256').update(respondent).digest('hex').slice(0, 6)}`;
}

/** The questionnaires with an open question, in the configuration's order. */
export function openItems(config: PanelConfig): Questionnaire[] {
  return (config.surveys?.questionnaires ?? []).filter((q) => q.comment);
}

/** Every open answer given (skips left out), per item in the configuration's order, then by respondent label. */
export function openAnswers(db: Db, config: PanelConfig, item?: string): OpenAnswer[] {
  return openItems(config)
    .filter((q) => item === undefined || q.id === item)
    .flatMap((q) =>
      openAnswersOf(db, q.id)
        .filter((a) => a.text.trim() !== '')
        .map((a) => ({ item: q.id, phase: phaseOf(q), respondent: respondentLabel(a.respondent), text: a.text.trim() }))
        .sort((a, b) => a.respondent.localeCompare(b.respondent)),
    );
}
