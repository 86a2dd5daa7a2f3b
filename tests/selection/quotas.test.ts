// Quota bounds in exact arithmetic, and the checks sortition-algorithms makes before it draws, each named.
import { describe, expect, it } from 'vitest';
import { boundsOf, decimalFraction, targetSeats } from '../../src/core/selection/quota-bounds';
import { feasibilityProblems } from '../../src/core/selection/feasibility';
import type { QuotaRow } from '../../src/core/selection/features';

describe('quota bounds', () => {
  it('are exact for every share from 0.01 to 0.99 and every panel size from 20 to 200', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (let k = 1; k <= 99; k++) {
      const share = Number(`0.${String(k).padStart(2, '0')}`);
      for (let n = 20; n <= 200; n++) {
        // share × n = k × n / 100, in whole numbers.
        const product = k * n;
        const floor = (product - (product % 100)) / 100;
        const ceil = product % 100 === 0 ? floor : floor + 1;
        const t = targetSeats(share, n);
        if (t.floor !== floor || t.ceil !== ceil) wrong.push(`${share} × ${n}: ${t.floor}..${t.ceil}, not ${floor}..${ceil}`);
        for (const slack of [0, 1, 2]) {
          const b = boundsOf(share, n, slack);
          if (b.min !== Math.max(0, floor - slack) || b.max !== Math.min(n, ceil + slack)) wrong.push(`${share} × ${n} ± ${slack}: ${b.min}..${b.max}`);
        }
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(99 * 181);
  });

  it('the cases floating point got wrong: 0.07 × 100 and 0.29 × 100 are 7 and 29 seats', () => {
    expect(0.07 * 100).not.toBe(7); // why this module exists
    expect(boundsOf(0.07, 100, 1)).toEqual({ min: 6, max: 8 });
    expect(boundsOf(0.29, 100, 1)).toEqual({ min: 28, max: 30 });
    expect(boundsOf(0.57, 100, 0)).toEqual({ min: 57, max: 57 });
    expect(boundsOf(0.34, 60, 1)).toEqual({ min: 19, max: 22 }); // 20.4 seats
  });

  it('reads a share as the decimal it was written as', () => {
    expect(decimalFraction(0.07)).toEqual({ numerator: 7n, denominator: 100n });
    expect(decimalFraction(0.125)).toEqual({ numerator: 125n, denominator: 1000n });
    expect(decimalFraction(1)).toEqual({ numerator: 1n, denominator: 1n });
    expect(decimalFraction(0)).toEqual({ numerator: 0n, denominator: 1n });
    expect(decimalFraction(1e-7)).toEqual({ numerator: 1n, denominator: 10000000n });
    expect(() => decimalFraction(-0.1)).toThrow(RangeError);
  });
});

describe('the checks before the export', () => {
  const row = (feature: QuotaRow['feature'], value: string, min: number, max: number): QuotaRow => ({ feature, value, min, max });
  const person = (id: string, gender: string, region: string, household?: string) => ({ id, values: { gender, region }, household });

  it('names each failure with sortition-algorithms’ code', () => {
    const rows = [row('gender', 'woman', 3, 2), row('gender', 'man', 2, 3), row('region', 'flanders', 1, 1), row('region', 'brussels', 0, 1)];
    const people = [person('a', 'woman', 'flanders', 'h1'), person('a', 'man', 'flanders', 'h1'), person('c', 'other', 'brussels')];
    const problems = feasibilityProblems(rows, 4, people);
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['duplicate_id', 'inconsistent_min_max', 'max_below_number_to_select', 'min_exceeds_number_to_select', 'min_greater_than_max', 'not_enough_households', 'not_enough_people', 'not_enough_people', 'value_not_in_feature'].sort(),
    );
    expect(problems.find((p) => p.code === 'inconsistent_min_max')!.message).toBe(
      "the smallest maximum is 2 for feature 'region', the largest minimum is 5 for feature 'gender': reduce the minimums for gender or increase the maximums for region",
    );
    expect(problems.find((p) => p.code === 'value_not_in_feature')!.message).toBe("c: gender has no value among the quotas' values");
    expect(problems.filter((p) => p.code === 'not_enough_people').map((p) => p.message)).toEqual([
      "not enough people with the value 'woman' in feature 'gender': the minimum is 3 but we only have 1",
      "not enough people with the value 'man' in feature 'gender': the minimum is 2 but we only have 1",
    ]);
  });

  it('finds nothing wrong with quotas and a pool that can make the panel', () => {
    const rows = [row('gender', 'woman', 1, 2), row('gender', 'man', 1, 2), row('region', 'flanders', 1, 2), row('region', 'brussels', 0, 1)];
    const people = [person('a', 'woman', 'flanders', 'h1'), person('b', 'man', 'flanders', 'h2'), person('c', 'man', 'brussels')];
    expect(feasibilityProblems(rows, 2, people)).toEqual([]);
  });
});
