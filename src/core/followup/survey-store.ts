// Questionnaire answers, kept apart from identities: the person is known here only through a
// random respondent key, whose one link to the person (survey_keys) retention erases.
import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { surveyAnswers, surveyComments, surveyKeys } from '../../db/schema/index';
import type { ItemBank, PanelConfig, Questionnaire } from '../panel/config';

/** The person's respondent key, made on first use. */
export function respondentKey(db: Db, personId: number): string {
  const found = db.select({ respondent: surveyKeys.respondent }).from(surveyKeys).where(eq(surveyKeys.personId, personId)).get();
  if (found) return found.respondent;
  const respondent = randomBytes(16).toString('base64url');
  db.insert(surveyKeys).values({ personId, respondent }).run();
  return respondent;
}

export function questionnaireOf(config: PanelConfig, id: string): Questionnaire | undefined {
  return config.surveys?.questionnaires.find((q) => q.id === id);
}

/** The bank's items (a bank given as a file path must have been read by the configuration loader). */
export function bankOf(config: PanelConfig, bankId: string): ItemBank {
  const bank = config.surveys?.banks[bankId];
  if (!bank) throw new Error(`no item bank "${bankId}" in surveys.banks`);
  if (typeof bank === 'string') throw new Error(`item bank "${bankId}" (${bank}) was not read: load the configuration with loadPanelConfig`);
  return bank;
}

/** The ids this respondent has answered or skipped in a questionnaire. */
function doneItems(db: Db, respondent: string, questionnaire: string): Set<string> {
  return new Set(
    db
      .select({ item: surveyAnswers.item })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.respondent, respondent), eq(surveyAnswers.questionnaire, questionnaire)))
      .all()
      .map((r) => r.item),
  );
}

export type Progress =
  | { kind: 'item'; index: number; total: number; item: ItemBank['items'][number] }
  | { kind: 'comment'; total: number }
  | { kind: 'done'; total: number };

/** Where a respondent is in a questionnaire: the first item neither answered nor skipped. */
export function progress(db: Db, config: PanelConfig, respondent: string, questionnaire: Questionnaire): Progress {
  const items = bankOf(config, questionnaire.bank).items;
  const done = doneItems(db, respondent, questionnaire.id);
  const index = items.findIndex((item) => !done.has(item.id));
  if (index >= 0) return { kind: 'item', index, total: items.length, item: items[index]! };
  if (questionnaire.comment) {
    const commented = db
      .select({ text: surveyComments.text })
      .from(surveyComments)
      .where(and(eq(surveyComments.respondent, respondent), eq(surveyComments.questionnaire, questionnaire.id)))
      .get();
    if (!commented) return { kind: 'comment', total: items.length };
  }
  return { kind: 'done', total: items.length };
}

/** Records an answer (1-5) or a skip (null). Answering an item again keeps the first answer. */
export function recordAnswer(db: Db, respondent: string, questionnaire: string, item: string, value: number | null): void {
  db.insert(surveyAnswers).values({ respondent, questionnaire, item, value }).onConflictDoNothing().run();
}

/** Records the open answer; an empty text means the person skipped it. */
export function recordComment(db: Db, respondent: string, questionnaire: string, text: string): void {
  db.insert(surveyComments).values({ respondent, questionnaire, text }).onConflictDoNothing().run();
}
