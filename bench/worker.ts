// One benchmark job in its own process (so peak memory and JIT state are its own). The parent
// (bench/run.ts) reads the last line: BENCH_RESULT {json}.
import { runCore } from './core';
import { seededDb } from './population';

type Job = { job: 'seed'; file: string; people: number } | { job: 'core'; dbPath: string; citizens: number; warmup: number; batch?: number } | { job: string };

// Run as `node bin/run-ts.mjs bench/worker.ts JOB JSON`: the job and its spec are the last two arguments.
const [job, specText] = process.argv.slice(-2);
const spec = JSON.parse(specText ?? '{}') as Job & Record<string, unknown>;
let result: unknown;
switch (job) {
  case 'seed':
    seededDb(spec.file as string, spec.people as number);
    result = { ok: true };
    break;
  case 'core':
    result = await runCore(spec.dbPath as string, spec.citizens as number, spec.warmup as number, (spec.batch as number | undefined) ?? 1);
    break;
  default: {
    const mod = (await import(`./jobs/${job}.ts`)) as { run(spec: unknown): Promise<unknown> };
    result = await mod.run(spec);
  }
}
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
