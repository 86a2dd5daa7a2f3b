// When a selected person declines, the reserve who resembles them most on the draw's features
// keeps the panel's balance best.
import type { PanelConfig } from '../panel-config';
import { FEATURES, featuresOf, type PoolMember } from './features';

export function bestReserve(config: PanelConfig, declined: PoolMember, reserves: PoolMember[]): PoolMember | undefined {
  const target = featuresOf(config, declined);
  let best: PoolMember | undefined;
  let bestScore = -1;
  for (const reserve of reserves) {
    const f = featuresOf(config, reserve);
    // Features in draw order weigh a little more first: gender, age, region, language, education.
    const score = FEATURES.reduce((s, feature, i) => s + (f[feature] === target[feature] ? 10 - i : 0), 0);
    if (score > bestScore) {
      best = reserve;
      bestScore = score;
    }
  }
  return best;
}
