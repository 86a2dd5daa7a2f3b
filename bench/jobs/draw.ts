// The built-in draw on 1,170 generated registrants and 60 seats with the Belgian quotas of
// panel.example.yaml: maximin's time (wall and CPU) and least chance, checked against an independent
// upper bound (one binary variable per person, LP text, HiGHS); legacy's time beside it.
import { draw } from '../../src/core/selection/draw/index';
import { belgianPool, belgianQuotas } from '../../tests/helpers/draw-pool';
import { bestPanelWeight } from '../../tests/selection/independent-bound';

export interface DrawBench {
  people: number;
  seats: number;
  groups: number;
  households: number;
  maximin: { seconds: number; cpuSeconds: number; min: number; upperBound: number; independentBound: number; committees: number; iterations: number; optimal: boolean };
  legacy: { seconds: number; cpuSeconds: number };
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export async function run(spec: { people?: number; seats?: number; seed?: number }): Promise<DrawBench> {
  const people = spec.people ?? 1170;
  const seats = spec.seats ?? 60;
  const problem = { people: belgianPool(people, spec.seed ?? 1), quotas: belgianQuotas(seats), panelSize: seats };
  // Loading HiGHS (WebAssembly compilation) counts: a draw is one command, run once.
  const t0 = performance.now();
  const c0 = cpu();
  const r = await draw(problem, 'maximin', { seed: 1 });
  const maximin = { seconds: (performance.now() - t0) / 1000, cpuSeconds: cpu() - c0 };
  const independentBound = (await bestPanelWeight(problem, r.dualWeights!))!;
  const t1 = performance.now();
  const c1 = cpu();
  await draw(problem, 'legacy', { seed: 1, estimateRuns: 0 });
  const legacy = { seconds: (performance.now() - t1) / 1000, cpuSeconds: cpu() - c1 };
  const households = new Set(problem.people.map((p) => p.household)).size;
  return {
    people,
    seats,
    groups: r.groups.length,
    households: people - households,
    maximin: { ...maximin, min: r.minProbability, upperBound: r.upperBound!, independentBound, committees: r.mix.length, iterations: r.iterations, optimal: r.optimal },
    legacy,
  };
}
