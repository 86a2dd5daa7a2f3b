// Questionnaire answers, kept apart from identities: the person is known here only through a
// random respondent key, whose one link to the person (survey_keys) retention erases.
import { and, eq, isNotNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import { surveyAnswers, surveyComments, surveyKeys } from '../schema/index';

/** The person's respondent key, made on first use. */
export function respondentKey(db: Db, personId: number): string {
  const found = db.select({ respondent: surveyKeys.respondent }).from(surveyKeys).where(eq(surveyKeys.personId, personId)).get();
  if (found) return found.respondent;
  const respondent = randomBytes(16).toString('base64url');
  db.insert(surveyKeys).values({ personId, respondent }).run();
  return respondent;
}

/** The ids this respondent has answered or skipped in a questionnaire. */
export function doneItems(db: Db, respondent: string, questionnaire: string): Set<string> {
  return new Set(
    db
      .select({ item: surveyAnswers.item })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.respondent, respondent), eq(surveyAnswers.questionnaire, questionnaire)))
      .all()
      .map((r) => r.item),
  );
}

/** Whether the respondent has given (or skipped) the open answer. */
export function hasCommented(db: Db, respondent: string, questionnaire: string): boolean {
  return (
    db
      .select({ text: surveyComments.text })
      .from(surveyComments)
      .where(and(eq(surveyComments.respondent, respondent), eq(surveyComments.questionnaire, questionnaire)))
      .get() !== undefined
  );
}

/** Records an answer (1-5) or a skip (null). Answering an item again keeps the first answer. */
export function recordAnswer(db: Db, respondent: string, questionnaire: string, item: string, value: number | null): void {
  db.insert(surveyAnswers).values({ respondent, questionnaire, item, value }).onConflictDoNothing().run();
}

/** Records the open answer; an empty text means the person skipped it. */
export function recordComment(db: Db, respondent: string, questionnaire: string, text: string): void {
  db.insert(surveyComments).values({ respondent, questionnaire, text }).onConflictDoNothing().run();
}

/** Every value given in a questionnaire (skips left out). */
export function answeredValues(db: Db, questionnaire: string): Array<{ respondent: string; item: string; value: number | null }> {
  return db
    .select({ respondent: surveyAnswers.respondent, item: surveyAnswers.item, value: surveyAnswers.value })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.questionnaire, questionnaire), isNotNull(surveyAnswers.value)))
    .all();
}

/** The open answers of a questionnaire with their respondent keys (empty text: skipped). */
export function openAnswersOf(db: Db, questionnaire: string): Array<{ respondent: string; text: string }> {
  return db.select({ respondent: surveyComments.respondent, text: surveyComments.text }).from(surveyComments).where(eq(surveyComments.questionnaire, questionnaire)).all();
}

/** The open answers of a questionnaire (empty: skipped). */
export function commentsOf(db: Db, questionnaire: string): Array<{ text: string }> {
  return db.select({ text: surveyComments.text }).from(surveyComments).where(eq(surveyComments.questionnaire, questionnaire)).all();
}
