// A person's needs as short lines in their language: shown at the end of the questions and when
// they come back to change something.
import type { Turn } from '../conversation/flow';
import type { NeedsRow } from '../../db/repos/needs';
import { formatInWords } from '../panel/time';
import { formatPhone } from '../panel/phone';
import type { Category } from './model';

export function shortDay(day: string, lng: string): string {
  // A calendar day has no zone: written as it is (see formatDay).
  return formatInWords(new Date(`${day}T12:00:00Z`), lng, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
}

/** "samedi 20 février": the weekday and date in words, for texts read aloud. */
export function longDay(day: string, lng: string): string {
  return formatInWords(new Date(`${day}T12:00:00Z`), lng, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
}

export interface SummaryContext {
  minor: boolean;
  /** Whether the hotel question applies to this person. */
  hotel: boolean;
  /** Every venue day, to say "all days" rather than list them. */
  allDays: string[];
}

/** The value shown for one category, or undefined when it was not answered. */
export function categoryValue(turn: Turn, row: NeedsRow | undefined, category: Category, ctx: SummaryContext): string | undefined {
  if (!row) return undefined;
  const t = (key: string, params?: Record<string, unknown>) => turn.t(`needs:${key}`, params);
  const withText = (label: string, text: string | null) => (text ? `${label} (${text})` : label);
  switch (category) {
    case 'diet':
      return row.diet ? withText(t(`diet.options.${row.diet}`), row.dietText) : undefined;
    case 'children': {
      if (row.children === null) return undefined;
      if (row.children === 0) return t('summary.noChildren');
      const ages = row.childAges?.length ? t('summary.ages', { ages: row.childAges.join(', ') }) : '';
      const days = row.childcareDays?.length
        ? row.childcareDays.length === ctx.allDays.length
          ? t('summary.allDays')
          : row.childcareDays.map((d) => shortDay(d, turn.lang)).join(', ')
        : '';
      return [t('summary.children', { count: row.children }), ages, days].filter(Boolean).join(' · ');
    }
    case 'companion':
      if (ctx.minor) {
        if (!row.guardianName) return undefined;
        return [row.guardianName, row.guardianPhone ? formatPhone(row.guardianPhone) : t('summary.noPhone')].join(', ');
      }
      return row.companion ? t(row.companion === 'none' ? 'summary.noCompanion' : 'summary.companion') : undefined;
    case 'mobility':
      return row.mobility ? t(`mobility.options.${row.mobility}`) : undefined;
    case 'senses':
      return row.senses ? withText(t(`senses.options.${row.senses}`), row.sensesText) : undefined;
    case 'language':
      return row.languageSupport ? withText(t(`language.options.${row.languageSupport}`), row.languageText) : undefined;
    case 'travel':
      return row.travel ? t(`travel.options.${row.travel}`) : undefined;
    case 'hotel':
      if (row.farAway === false) return t('summary.notFar');
      return row.hotel === null ? undefined : turn.t(row.hotel ? 'common:yes' : 'common:no');
    case 'other':
      return row.otherText ?? undefined;
  }
}

export function fieldLabel(turn: Turn, category: Category, ctx: SummaryContext): string {
  return turn.t(`needs:summary.fields.${category === 'companion' && ctx.minor ? 'guardian' : category}`);
}

export function summaryText(turn: Turn, row: NeedsRow | undefined, categories: readonly Category[], ctx: SummaryContext): string {
  const lines = categories.map((c) => `• ${fieldLabel(turn, c, ctx)}: ${categoryValue(turn, row, c, ctx) ?? turn.t('needs:summary.notGiven')}`);
  if (ctx.minor && (!row?.guardianName || !row.guardianPhone)) lines.push(turn.t('needs:guardian.stillNeeded', { age: turn.services.config.registration.guardianBelowAge }));
  return lines.join('\n');
}
