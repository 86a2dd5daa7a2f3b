// The hand-off run through the Sortition Foundation's own tool, where it is installed: set SORTITION_CMD to
// its command (`sortition`, from `pip install 'sortition-algorithms[cli]'`). Skipped otherwise: the tool
// is Python and this project installs nothing outside npm. SORTITION_ALGORITHM=legacy runs its greedy
// algorithm where no MILP solver (highspy) is installed; everything it reads is read the same way.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { runCli } from '../../src/cli/index';
import { parseCsv } from '../../src/cli/csv';

const command = process.env.SORTITION_CMD;
let panel: TestPanel;
afterEach(() => panel?.close());

describe.skipIf(!command)('sortition-algorithms reads the export', () => {
  it('draws 60 of 1,170 with the written settings file, without a warning', async () => {
    panel = testPanel();
    seedCohort(panel.app.db, 1170, panel.clock.now());
    const dir = path.dirname(panel.dbPath);
    const file = (name: string) => path.join(dir, name);
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as never;
    const rc = await runCli(['--db', panel.dbPath, 'export', 'pool', '--people', file('people.csv'), '--quotas', file('quotas.csv')]).finally(() => (process.stdout.write = write));
    expect(rc).toBe(0);
    const algorithm = process.env.SORTITION_ALGORITHM;
    if (algorithm) fs.writeFileSync(file('settings.toml'), fs.readFileSync(file('settings.toml'), 'utf8').replace('"maximin"', `"${algorithm}"`));
    const run = spawnSync(
      command!,
      ['csv', '--settings', file('settings.toml'), '--features-csv', file('quotas.csv'), '--people-csv', file('people.csv'), '--selected-csv', file('selected.csv'), '--remaining-csv', file('remaining.csv'), '--number-wanted', '60'],
      { encoding: 'utf8', timeout: 600_000, shell: true },
    );
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(0);
    expect(output).not.toMatch(/WARNING|not in feature|Empty value|column .* found/i);
    expect(output).toContain('SUCCESS');
    const selected = parseCsv(fs.readFileSync(file('selected.csv'), 'utf8'));
    expect(selected.rows).toHaveLength(60);
    expect(new Set(selected.rows.map((r) => r.values.household)).size).toBe(60);
  }, 620_000);
});
