// The built-in stratified draw: maximin reaches the chances sortition-algorithms' tests expect,
// every panel meets every quota and the household rule, the same seed gives the same panel, and
// the legacy greedy succeeds wherever maximin does.
import { beforeAll, describe, expect, it } from 'vitest';
import { draw, InfeasibleQuotasError, panelProblems, type DrawProblem, type DrawResult } from '../../src/core/selection/draw/index';
import { compositionMeets, prepare } from '../../src/core/selection/draw/groups';
import { belgianPool, belgianQuotas } from '../helpers/draw-pool';
import { example1, example3, example4, example5, example6 } from './sortition-fixtures';
import { bestPanelWeight, canSit } from './independent-bound';
import { seededRng } from '../../src/core/selection/draw/rng';
import { pickCommittee, seatPeople } from '../../src/core/selection/draw/lottery';

const close = (a: number | undefined, b: number) => expect(a).toBeCloseTo(b, 5);

/** Every committee of the mix meets the quotas, the chances add up, and each person's chance is the mix's. */
function wellFormed(problem: DrawProblem, r: DrawResult) {
  const prepared = prepare(problem);
  expect(r.mix.reduce((s, m) => s + m.probability, 0)).toBeCloseTo(1, 9);
  for (const m of r.mix) expect(compositionMeets(prepared, problem, m.counts)).toBe(true);
  const total = [...r.probabilities.values()].reduce((s, p) => s + p, 0);
  expect(total).toBeCloseTo(problem.panelSize, 6);
  expect(panelProblems(problem, r.panel)).toEqual([]);
}

describe('maximin on the fixtures of sortition-algorithms’ tests', () => {
  it('example 1: 1/3 for everyone but Marge (2/3); with households, Lisa and Scrooge cannot sit', async () => {
    const free = example1(false);
    const r = await draw(free, 'maximin', { seed: 1 });
    wellFormed(free, r);
    for (const id of ['lisa', 'scrooge', 'louie', 'dewey']) close(r.probabilities.get(id), 1 / 3);
    close(r.probabilities.get('marge'), 2 / 3);

    const homes = example1(true);
    const h = await draw(homes, 'maximin', { seed: 1 });
    wellFormed(homes, h);
    expect(h.uncoverable.sort()).toEqual(['lisa', 'scrooge']);
    close(h.probabilities.get('lisa'), 0);
    close(h.probabilities.get('louie'), 1 / 2);
    close(h.probabilities.get('dewey'), 1 / 2);
    close(h.probabilities.get('marge'), 1);
  });

  it('example 3: a always, b, c and d 1/3 each', async () => {
    const p = example3();
    const r = await draw(p, 'maximin', { seed: 1 });
    wellFormed(p, r);
    close(r.probabilities.get('a'), 1);
    for (const id of ['b', 'c', 'd']) close(r.probabilities.get(id), 1 / 3);
  });

  it('example 4: no committee at all is an infeasibility, for both algorithms', async () => {
    await expect(draw(example4(), 'maximin', { seed: 1 })).rejects.toBeInstanceOf(InfeasibleQuotasError);
    await expect(draw(example4(), 'legacy', { seed: 1 })).rejects.toBeInstanceOf(InfeasibleQuotasError);
  });

  it('example 5: everyone at least 1/2, Elinor and Grace exactly 1/2', async () => {
    const p = example5();
    const r = await draw(p, 'maximin', { seed: 1 });
    wellFormed(p, r);
    close(r.minProbability, 1 / 2);
    close(r.probabilities.get('elinor'), 1 / 2);
    close(r.probabilities.get('grace'), 1 / 2);
  });

  it('example 6: p61 can never sit; the 60 others 46/60 each', async () => {
    const p = example6();
    const r = await draw(p, 'maximin', { seed: 1 });
    wellFormed(p, r);
    expect(r.uncoverable).toEqual(['p61']);
    expect(r.probabilities.get('p61')).toBe(0);
    for (let i = 1; i <= 60; i++) close(r.probabilities.get(`p${i}`), 46 / 60);
  });

  it('legacy finds a valid panel on each of them', async () => {
    for (const p of [example1(false), example1(true), example3(), example5(), example6()]) {
      for (const seed of [1, 2, 3]) {
        const r = await draw(p, 'legacy', { seed, estimateRuns: 0 });
        expect(panelProblems(p, r.panel)).toEqual([]);
      }
    }
  });
});

describe('a generated pool of 300 registrants for 30 seats, Belgian quotas, housemates', () => {
  const problem: DrawProblem = { people: belgianPool(300, 7), quotas: belgianQuotas(30), panelSize: 30 };
  let maximin: DrawResult;
  const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

  beforeAll(async () => {
    maximin = await draw(problem, 'maximin', { seed: 11 });
  }, 180_000);

  it('maximin: a mix of valid committees, optimal within 1 % by an independent bound', async () => {
    wellFormed(problem, maximin);
    expect(maximin.optimal).toBe(true);
    // The pool has housemates and the rule is on by default.
    expect(prepare(problem).households.length).toBeGreaterThan(0);

    // Independent bound: the last dual weights, one binary variable per person, LP text to HiGHS.
    const y = maximin.dualWeights!;
    const coverable = problem.people.filter((p) => !maximin.uncoverable.includes(p.id));
    expect(coverable.reduce((s, p) => s + y.get(p.id)!, 0)).toBeCloseTo(1, 9);
    for (const p of problem.people) expect(y.get(p.id)!).toBeGreaterThanOrEqual(0);
    const bound = (await bestPanelWeight(problem, y))!;
    const least = Math.min(...coverable.map((p) => maximin.probabilities.get(p.id)!));
    expect(least).toBeCloseTo(maximin.minProbability, 9);
    expect(least).toBeGreaterThanOrEqual(0.99 * bound);
    // Those given no chance really cannot sit on any panel.
    for (const id of maximin.uncoverable) expect(await canSit(problem, id)).toBe(false);
  });

  it('every panel the lottery can draw meets every quota and keeps housemates apart', () => {
    const prepared = prepare(problem);
    const panels = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const rng = seededRng(seed);
      const panel = seatPeople(prepared, pickCommittee(maximin.mix, rng), rng);
      expect(panelProblems(problem, panel)).toEqual([]);
      panels.add(panel.join());
    }
    expect(panels.size).toBeGreaterThan(150);
  });

  it('the same pool, quotas and seed give the same panel, whatever the pool’s order', async () => {
    const small: DrawProblem = { people: belgianPool(120, 3), quotas: belgianQuotas(12), panelSize: 12 };
    const first = await draw(small, 'maximin', { seed: 11 });
    const again = await draw({ ...small, people: [...small.people].reverse() }, 'maximin', { seed: 11 });
    expect(again.panel).toEqual(first.panel);
    expect(sorted(again.probabilities)).toEqual(sorted(first.probabilities));

    const l1 = await draw(problem, 'legacy', { seed: 5, estimateRuns: 20 });
    const l2 = await draw({ ...problem, people: [...problem.people].reverse() }, 'legacy', { seed: 5, estimateRuns: 20 });
    expect(l2.panel).toEqual(l1.panel);
    expect(sorted(l2.probabilities)).toEqual(sorted(l1.probabilities));
    const l3 = await draw(problem, 'legacy', { seed: 6, estimateRuns: 0 });
    expect(l3.panel).not.toEqual(l1.panel);
  });

  it('legacy: valid panels, and chances estimated by repeated runs', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = await draw(problem, 'legacy', { seed, estimateRuns: 0 });
      expect(panelProblems(problem, r.panel)).toEqual([]);
    }
    const r = await draw(problem, 'legacy', { seed: 1, estimateRuns: 200 });
    expect(r.estimated).toBe(true);
    const total = [...r.probabilities.values()].reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(30, 6);
    // Maximin's least likely person fares at least as well as legacy's.
    expect(maximin.minProbability).toBeGreaterThanOrEqual(r.minProbability);
  });

  it('legacy completes with the solver when the greedy fails every attempt', async () => {
    const r = await draw(problem, 'legacy', { seed: 3, estimateRuns: 0, legacyAttempts: 0 });
    expect(r.fallback).toBe(true);
    expect(panelProblems(problem, r.panel)).toEqual([]);
  });

  it('a time limit stops early with the best mix so far, still a valid panel', async () => {
    let t = 0;
    // A clock that jumps a second at each look: the limit of 5 s falls in the first phase.
    const r = await draw(problem, 'maximin', { seed: 11, timeLimitMs: 5_000, now: () => (t += 1_000) });
    expect(r.optimal).toBe(false);
    expect(r.mix.length).toBeGreaterThan(0);
    expect(panelProblems(problem, r.panel)).toEqual([]);
    expect(r.minProbability).toBeLessThanOrEqual(maximin.minProbability + 1e-9);
  });

  it('progress is reported with the current minimum and the bound closing in', async () => {
    const seen: Array<{ min: number; upper: number }> = [];
    const small: DrawProblem = { people: belgianPool(120, 3), quotas: belgianQuotas(12), panelSize: 12 };
    const r = await draw(small, 'maximin', { seed: 2, onProgress: (p) => p.phase === 'maximin' && seen.push({ min: p.minProbability!, upper: p.upperBound! }) });
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) expect(s.min).toBeLessThanOrEqual(s.upper + 1e-9);
    expect(seen[seen.length - 1]!.min).toBeCloseTo(r.minProbability, 9);
  });
});
