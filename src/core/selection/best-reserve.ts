// When a selected person declines, the reserve who resembles them most on the draw's features
// keeps the panel's balance best. The ranking itself is shared with seat offers (src/core/reserves.ts).
import type { PanelConfig } from '../panel/config';
import { featuresOf, type PoolMember } from './features';
import { bestMatchingReserve, type Profile } from './reserves';

function profileOf(config: PanelConfig, m: PoolMember, ageReferenceDay: string): Profile {
  const f = featuresOf(config, m, ageReferenceDay);
  return { personId: m.personId, gender: f.gender, ageBand: f.age, region: f.region, language: f.language };
}

export function bestReserve(config: PanelConfig, ageReferenceDay: string, declined: PoolMember, reserves: PoolMember[]): PoolMember | undefined {
  const best = bestMatchingReserve(profileOf(config, declined, ageReferenceDay), reserves.map((r) => profileOf(config, r, ageReferenceDay)));
  return best && reserves.find((r) => r.personId === best.personId);
}
