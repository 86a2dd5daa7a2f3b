// The built-in draw's rows of the bench table (bench/jobs/draw.ts measures), beside what
// sortition-algorithms 0.10 (maximin, highspy) took on this machine for 1,170 registrants and 60 seats.
// Alone: `node bin/run-ts.mjs bench/draw.ts` (in its own process, like every bench job).
import { fmt, render, verdict, type Row } from './table';
import type { DrawBench } from './jobs/draw';

/** Measured on this machine with sortition-algorithms' maximin (HiGHS): 139-144 s, least chance 3.46 % (another pool). */
export const SORTITION_ALGORITHMS = { seconds: [139, 144] as const, legacySeconds: 0.6, min: 0.0346 };

const pct = (x: number) => `${fmt(x * 100, 2)} %`;

export function drawRows(r: DrawBench | Error): Row[] {
  if (r instanceof Error) return [{ id: '5', measure: 'built-in draw, maximin, 1,170 / 60', figure: `not measured: ${r.message}`, reference: '', ratio: '', target: 'faster than sortition-algorithms', verdict: '' }];
  const m = r.maximin;
  const [lo, hi] = SORTITION_ALGORITHMS.seconds;
  return [
    {
      id: '5',
      measure: `built-in draw, maximin, ${fmt(r.people)} registrants / ${r.seats} seats, Belgian quotas, ${fmt(r.households)} housemates (wall; CPU)`,
      figure: `${fmt(m.seconds, 1)} s (${fmt(m.cpuSeconds, 1)} CPU-s)`,
      reference: `sortition-algorithms maximin ${lo}-${hi} s`,
      ratio: `${fmt(m.seconds / hi, 2)}-${fmt(m.seconds / lo, 2)}×`,
      target: 'faster',
      verdict: verdict(m.seconds < lo),
    },
    {
      id: '5',
      measure: `maximin least chance (${fmt(r.groups)} groups of interchangeable people, ${m.committees} panels mixed, ${m.iterations} iterations)`,
      figure: pct(m.min),
      reference: `independent upper bound ${pct(m.independentBound)} (any maximin, sortition-algorithms' included, is below it)`,
      ratio: `${fmt((100 * m.min) / m.independentBound, 2)} %`,
      target: '≥ 99 % of the bound',
      verdict: verdict(m.optimal && m.min >= 0.99 * m.independentBound),
    },
    {
      id: '5',
      measure: 'built-in draw, legacy greedy, same pool (wall; CPU)',
      figure: `${fmt(r.legacy.seconds, 2)} s (${fmt(r.legacy.cpuSeconds, 2)} CPU-s)`,
      reference: `sortition-algorithms legacy ${SORTITION_ALGORITHMS.legacySeconds} s`,
      ratio: '',
      target: '(information)',
      verdict: '',
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv.some((a) => a.endsWith('bench/draw.ts'))) {
  const { run } = await import('./jobs/draw');
  const result = await run({}).catch((e: Error) => e);
  console.log(render(drawRows(result)));
}
