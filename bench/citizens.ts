// The simulated citizens: each one types the full English registration (the answers the tests
// use), and everyone registers at the same time: message k of every citizen before message k+1.
import { ENGLISH_ANSWERS } from '../tests/helpers/register';

export interface Script {
  /** One entry per message, in the order they arrive: which citizen, which text. */
  messages: Array<{ citizen: number; text: string }>;
}

export function interleaved(codes: string[]): Script {
  const answers = codes.map((code) => ENGLISH_ANSWERS(code));
  const steps = answers[0]?.length ?? 0;
  const messages: Script['messages'] = [];
  for (let step = 0; step < steps; step++) {
    for (let citizen = 0; citizen < codes.length; citizen++) messages.push({ citizen, text: answers[citizen]![step]! });
  }
  return { messages };
}

/** Latency percentiles from per-message times (ms). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
