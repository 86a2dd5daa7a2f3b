// The features the stratified draw balances, computed from a registration, and the quotas from
// the configuration's targets — in the formats of the Sortition Foundation's sortition-algorithms.
import type { PanelConfig } from '../panel/config';
import { ageOn } from '../registration/parse';
import { localDate } from '../panel/time';

export const FEATURES = ['gender', 'age', 'region', 'language', 'education'] as const;
export type Feature = (typeof FEATURES)[number];

export interface PoolMember {
  personId: number;
  pseudonym: string;
  language: string | null;
  letterLanguages: string;
  /** The household printed on the letter (people of one household are never drawn together). */
  household: string | null;
  birthDate: string | null;
  gender: string | null;
  region: string | null;
  education: string | null;
}

export function firstPanelDay(config: PanelConfig): string {
  const first = Math.min(...config.events.map((e) => Date.parse(e.start)));
  return localDate(new Date(first), config.panel.timezone);
}

/** "16-24" -> [16, 24]; "65+" -> [65, Infinity]. */
function bandRange(band: string): [number, number] | undefined {
  const m = /^(\d+)\s*(?:-\s*(\d+)|\+)$/.exec(band.trim());
  return m ? [Number(m[1]), m[2] ? Number(m[2]) : Infinity] : undefined;
}

export function ageBand(config: PanelConfig, birthDate: string): string | undefined {
  const age = ageOn(birthDate, firstPanelDay(config));
  return Object.keys(config.draw.quotas.age).find((band) => {
    const r = bandRange(band);
    return r !== undefined && age >= r[0] && age <= r[1];
  });
}

/** The value of each feature for one person, always one of the quota's values. */
export function featuresOf(config: PanelConfig, m: PoolMember): Record<Feature, string> {
  const q = config.draw.quotas;
  const pick = (feature: Feature, value: string | null | undefined, fallback: string) =>
    value && value in q[feature] ? value : fallback in q[feature] ? fallback : Object.keys(q[feature])[0]!;
  // The draw knows woman, man and non-binary; a description in one's own words counts with non-binary.
  const gender = m.gender === 'self_described' ? 'non_binary' : m.gender;
  // The panel's language groups are those of the letters; English is a chat convenience.
  const letter = m.letterLanguages.split('+').find((l) => l in q.language);
  const language = m.language && m.language in q.language ? m.language : letter;
  return {
    gender: pick('gender', gender, 'non_binary'),
    age: pick('age', m.birthDate ? ageBand(config, m.birthDate) : undefined, ''),
    region: pick('region', m.region, ''),
    language: pick('language', language, ''),
    education: pick('education', m.education, 'other'),
  };
}

export interface QuotaRow {
  feature: Feature;
  value: string;
  min: number;
  max: number;
}

/** min/max seats per value: the target share of the panel, give or take the configured slack. */
export function quotas(config: PanelConfig): QuotaRow[] {
  const { panelSize, slack } = config.draw;
  return FEATURES.flatMap((feature) =>
    Object.entries(config.draw.quotas[feature]).map(([value, share]) => {
      const exact = share * panelSize;
      return { feature, value, min: Math.max(0, Math.floor(exact) - slack), max: Math.min(panelSize, Math.ceil(exact) + slack) };
    }),
  );
}
