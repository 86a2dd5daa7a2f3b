// The small pools of sortition-algorithms' own tests (tests/test_committee_generation.py,
// examples 1 to 6), with the maximin probabilities its tests assert for them.
import type { DrawPerson, DrawProblem, DrawQuota } from '../../src/core/selection/draw/types';

type Cats = Record<string, Record<string, { min: number; max: number }>>;

function example(cats: Cats, people: Record<string, Record<string, string>>, homes: Record<string, string>, panelSize: number, households = false): DrawProblem {
  const quotas: DrawQuota[] = Object.entries(cats).flatMap(([feature, values]) => Object.entries(values).map(([value, q]) => ({ feature, value, ...q })));
  const pool: DrawPerson[] = Object.entries(people).map(([id, features]) => ({ id, features, household: homes[id] ?? null }));
  return { people: pool, quotas, panelSize, households };
}

const simpsons: Cats = {
  age: { child: { min: 1, max: 2 }, adult: { min: 1, max: 2 } },
  franchise: { simpsons: { min: 1, max: 2 }, ducktales: { min: 1, max: 2 } },
};
const toons = {
  lisa: { age: 'child', franchise: 'simpsons' },
  marge: { age: 'adult', franchise: 'simpsons' },
  louie: { age: 'child', franchise: 'ducktales' },
  dewey: { age: 'child', franchise: 'ducktales' },
  scrooge: { age: 'adult', franchise: 'ducktales' },
};
/** Their address columns are home and street (all on street A): the household is the home. */
export const example1 = (households: boolean) => example(simpsons, toons, { lisa: '1', marge: '3', louie: '2', dewey: '2', scrooge: '1' }, 2, households);

const f123 = (v1min: number, v1max: number): Cats =>
  Object.fromEntries(['f1', 'f2', 'f3'].map((f) => [f, { v1: { min: v1min, max: v1max }, v2: { min: 0, max: 2 } }]));
const abcd = {
  a: { f1: 'v1', f2: 'v1', f3: 'v1' },
  b: { f1: 'v1', f2: 'v2', f3: 'v2' },
  c: { f1: 'v2', f2: 'v1', f3: 'v2' },
  d: { f1: 'v2', f2: 'v2', f3: 'v1' },
};
export const example3 = () => example(f123(1, 2), abcd, {}, 2);
/** No committee at all: their test expects an infeasibility error. */
export const example4 = () => example(f123(1, 1), abcd, {}, 2);

export const example5 = () =>
  example(
    { gender: { female: { min: 1, max: 1 }, male: { min: 4, max: 4 } }, political: { liberal: { min: 4, max: 4 }, conservative: { min: 1, max: 1 } } },
    {
      adam: { gender: 'male', political: 'liberal' },
      brian: { gender: 'male', political: 'liberal' },
      cameron: { gender: 'male', political: 'liberal' },
      dave: { gender: 'male', political: 'liberal' },
      elinor: { gender: 'female', political: 'liberal' },
      frank: { gender: 'male', political: 'conservative' },
      grace: { gender: 'female', political: 'conservative' },
    },
    {},
    5,
  );

export function example6(): DrawProblem {
  const cats: Cats = Object.fromEntries(['f1', 'f2', 'f3'].map((f) => [f, { v1: { min: 15, max: 46 }, v2: { min: 15, max: 46 }, v3: { min: 0, max: 46 } }]));
  const kinds = [
    { f1: 'v1', f2: 'v1', f3: 'v3' },
    { f1: 'v1', f2: 'v3', f3: 'v1' },
    { f1: 'v3', f2: 'v1', f3: 'v1' },
    { f1: 'v2', f2: 'v2', f3: 'v3' },
    { f1: 'v2', f2: 'v3', f3: 'v2' },
    { f1: 'v3', f2: 'v2', f3: 'v2' },
  ];
  const people: Record<string, Record<string, string>> = {};
  for (let i = 1; i <= 10; i++) kinds.forEach((k, j) => (people[`p${i + 10 * j}`] = k));
  people.p61 = { f1: 'v3', f2: 'v3', f3: 'v3' };
  return example(cats, people, {}, 46);
}
