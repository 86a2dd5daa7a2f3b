// Time and chance for the WhatsApp channel, injected so tests neither wait nor depend on luck.
import { realTiming, type Timing } from '../timing';

export interface WaTiming extends Timing {
  /** A number in [0, 1): the jitter between messages. */
  random(): number;
}

export const realWaTiming: WaTiming = { ...realTiming, random: () => Math.random() };
