// The questionnaires of the configuration and where a respondent is in one. The answers are
// stored apart from identities (src/db/repos/surveys.ts), by a random respondent key.
import type { Db } from '../../db/client';
import { doneItems, hasCommented } from '../../db/repos/surveys';
import type { ItemBank, PanelConfig, Questionnaire } from '../panel/config';

export { recordAnswer, recordComment, respondentKey } from '../../db/repos/surveys';

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
    if (!hasCommented(db, respondent, questionnaire.id)) return { kind: 'comment', total: items.length };
  }
  return { kind: 'done', total: items.length };
}
