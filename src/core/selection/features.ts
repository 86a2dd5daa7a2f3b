// The features the stratified draw balances, computed from a registration, and the quotas from
// the configuration's targets — in the formats of the Sortition Foundation's sortition-algorithms.
// Every value comes from what the person confirmed in their summary; an answer that fits no quota
// value is named (`traceFeatures`), never silently counted in another category.
import type { PanelConfig } from '../panel/config';
import { ageOn } from '../registration/parse';
import { boundsOf } from './quota-bounds';

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
  germanCommunity?: boolean | null;
  education: string | null;
}

/** "16-24" -> [16, 24]; "65+" -> [65, Infinity]. */
function bandRange(band: string): [number, number] | undefined {
  const m = /^(\d+)\s*(?:-\s*(\d+)|\+)$/.exec(band.trim());
  return m ? [Number(m[1]), m[2] ? Number(m[2]) : Infinity] : undefined;
}

/**
 * The age band on the reference day: the panel's first day as it stands now
 * (panelCalendar(db, config).firstDay(), moves included).
 */
export function ageBand(config: PanelConfig, birthDate: string, ageReferenceDay: string): string | undefined {
  const age = ageOn(birthDate, ageReferenceDay);
  return Object.keys(config.draw.quotas.age).find((band) => {
    const r = bandRange(band);
    return r !== undefined && age >= r[0] && age <= r[1];
  });
}

/** The quota values of each feature: the configured targets, plus the self-described gender's value. */
export function featureValues(config: PanelConfig): Record<Feature, string[]> {
  const q = config.draw.quotas;
  const gender = Object.keys(q.gender);
  const own = config.draw.selfDescribedGender;
  return {
    gender: gender.includes(own) ? gender : [...gender, own],
    age: Object.keys(q.age),
    region: Object.keys(q.region),
    language: Object.keys(q.language),
    education: Object.keys(q.education),
  };
}

/** The languages of each region, most used first (the German-speaking Community: German, then French). */
function regionLanguages(m: PoolMember): string[] {
  if (m.germanCommunity) return ['de', 'fr'];
  return { flanders: ['nl'], wallonia: ['fr'], brussels: ['fr', 'nl'] }[m.region ?? ''] ?? [];
}

/**
 * The language group. Someone who chats in a language of the groups is in that group. Someone who
 * chats in another language (English) is in their letter's language when it has one; when the letter
 * has two (Brussels nl+fr, the German-speaking border fr+de), in the first of their region's languages
 * that is on the letter (the German-speaking Community: de, then fr; Flanders: nl; Wallonia: fr;
 * Brussels: fr, then nl). Never by the order on the letter.
 */
export function languageGroup(config: PanelConfig, m: PoolMember): string | undefined {
  const groups = Object.keys(config.draw.quotas.language);
  if (m.language && groups.includes(m.language)) return m.language;
  const letter = m.letterLanguages.split('+').filter((l) => groups.includes(l));
  if (letter.length === 1) return letter[0];
  const usable = letter.length ? letter : groups;
  return regionLanguages(m).find((l) => usable.includes(l));
}

export interface FeatureTrace {
  /** Each feature's value; undefined when the answer fits no quota value. */
  values: Partial<Record<Feature, string>>;
  /** Why a feature has no value, in words an organiser can act on (no personal data). */
  problems: Array<{ feature: Feature; why: string }>;
}

/** The person's confirmed answers mapped to the draw's values, with the answers that fit none named. */
export function traceFeatures(config: PanelConfig, m: PoolMember, ageReferenceDay: string): FeatureTrace {
  const allowed = featureValues(config);
  const values: FeatureTrace['values'] = {};
  const problems: FeatureTrace['problems'] = [];
  const put = (feature: Feature, value: string | undefined, answer: string) => {
    if (value !== undefined && allowed[feature].includes(value)) values[feature] = value;
    else problems.push({ feature, why: `${answer} is not one of ${allowed[feature].join(', ')} in draw.quotas.${feature}` });
  };
  // Woman, man and non-binary are options; a description in one's own words is its own value.
  const gender = m.gender === 'self_described' ? config.draw.selfDescribedGender : (m.gender ?? undefined);
  put('gender', gender, `gender "${m.gender ?? 'none'}"`);
  const band = m.birthDate ? ageBand(config, m.birthDate, ageReferenceDay) : undefined;
  put('age', band, m.birthDate ? `age ${ageOn(m.birthDate, ageReferenceDay)} on the first panel day` : 'no birth date');
  put('region', m.region ?? undefined, `region "${m.region ?? 'none'}"`);
  put('language', languageGroup(config, m), `chat language "${m.language ?? 'none'}" with letter "${m.letterLanguages}" in region "${m.region ?? 'none'}"`);
  put('education', m.education ?? undefined, `education "${m.education ?? 'none'}"`);
  return { values, problems };
}

/** The value of each feature for one person; '' where the answer fits no quota value (see traceFeatures). */
export function featuresOf(config: PanelConfig, m: PoolMember, ageReferenceDay: string): Record<Feature, string> {
  const { values } = traceFeatures(config, m, ageReferenceDay);
  return Object.fromEntries(FEATURES.map((f) => [f, values[f] ?? ''])) as Record<Feature, string>;
}

export interface QuotaRow {
  feature: Feature;
  value: string;
  min: number;
  max: number;
}

/** min/max seats per value, in whole numbers from the exact target (see quota-bounds.ts). */
export function quotas(config: PanelConfig): QuotaRow[] {
  const { panelSize, slack } = config.draw;
  const values = featureValues(config);
  return FEATURES.flatMap((feature) =>
    values[feature].map((value) => {
      const share = (config.draw.quotas[feature] as Record<string, number>)[value] ?? 0;
      return { feature, value, ...boundsOf(share, panelSize, slack) };
    }),
  );
}
