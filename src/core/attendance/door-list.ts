// The check-in list for one event day, to print for the door: who is expected (drawn, not declined,
// still taking part, and not "no" for that day), their name and pseudonym, and the needs that matter
// when they arrive (mobility, hearing or sight, language support, who comes with them, children).
import type { Db } from '../../db/client';
import type { PanelConfig } from '../panel/config';
import { selectedWithNeeds, dayAnswersOfEvent } from '../../db/repos/needs';
import { checkedInOn } from '../../db/repos/attendance';
import { label } from '../needs/logistics-format';

export interface DoorListRow {
  personId: number;
  pseudonym: string;
  name: string;
  /** Their answer for the day: yes, unsure, or not answered. */
  answer: string;
  /** What matters at the door, in short words. */
  notes: string[];
  checkedIn: boolean;
}

export function doorList(db: Db, config: PanelConfig, eventId: string, day: string): DoorListRow[] {
  const answers = new Map(dayAnswersOfEvent(db, eventId).filter((a) => a.day === day).map((a) => [a.personId, a.answer]));
  const present = checkedInOn(db, eventId, day);
  return selectedWithNeeds(db)
    .filter(({ reg }) => answers.get(reg.personId) !== 'no')
    .map(({ reg, pseudonym, needs }) => {
      const notes: string[] = [];
      if (needs?.mobility && needs.mobility !== 'none') notes.push(label(needs.mobility));
      if (needs?.senses && needs.senses !== 'none') notes.push(label(needs.senses));
      if (needs?.languageSupport && needs.languageSupport !== 'none') notes.push(label(needs.languageSupport));
      if (needs?.guardianName) notes.push(`with parent or guardian ${needs.guardianName}`);
      else if (needs?.companion === 'companion') notes.push('with a companion');
      if (needs?.children && (needs.childcareDays ?? []).includes(day)) notes.push(`childcare: ${needs.children} ${needs.children === 1 ? 'child' : 'children'}`);
      return {
        personId: reg.personId,
        pseudonym,
        name: [reg.firstName, reg.lastName].filter(Boolean).join(' ') || pseudonym,
        answer: answers.get(reg.personId) ?? 'not answered',
        notes,
        checkedIn: present.has(reg.personId),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** Why someone is not on the day's list (a reserve, declined, said no for the day…), or null when they are. */
export function notExpectedWhy(db: Db, config: PanelConfig, eventId: string, day: string, personId: number): string | null {
  if (doorList(db, config, eventId, day).some((r) => r.personId === personId)) return null;
  const row = selectedWithNeeds(db).find((r) => r.reg.personId === personId);
  if (row) return 'said no for this day';
  return 'not among the selected people taking part (a reserve, declined, withdrawn or not drawn)';
}
