// Start-up time: from spawning the process to its first answered message, measured here (the
// parent), with the child's memory at that moment. The median of a few runs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** As `panelbot` starts: tsx compiles the TypeScript sources while they load. */
export const TSX_ENTRY = path.join(here, 'startup-child.mjs');

/**
 * The same entry bundled by esbuild (tsx's own), to show what a build step would save. Written two
 * folders deep in the checkout, so the sources' relative paths (migrations, locales, the example
 * configuration) still resolve. Returns the file and a clean-up, or an Error.
 */
export function bundledEntry(): { file: string; remove(): void } | Error {
  const out = path.join(here, '.build', 'startup-entry.mjs');
  const esbuild = path.join(here, '..', 'node_modules', '.bin', 'esbuild');
  const r = spawnSync(esbuild, [path.join(here, 'startup-entry.ts'), '--bundle', '--platform=node', '--format=esm', '--packages=external', `--outfile=${out}`, '--log-level=error'], { encoding: 'utf8' });
  if (r.status !== 0) return new Error(`esbuild failed: ${(r.stderr || String(r.error)).slice(0, 200)}`);
  return { file: out, remove: () => fs.rmSync(path.dirname(out), { recursive: true, force: true }) };
}

export interface Startup {
  ms: number;
  rssMb: number;
  maxRssMb: number;
  runs: number;
}

function once(entry: string, dbPath: string, userId: string): Promise<{ ms: number; rssMb: number; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [entry, dbPath, userId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready: { ms: number; rssMb: number; maxRssMb: number } | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /READY (.*)\n/.exec(out);
      if (line && !ready) ready = { ms: performance.now() - t0, ...(JSON.parse(line[1]!) as { rssMb: number; maxRssMb: number }) };
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (ready ? resolve(ready) : reject(new Error(`start-up child failed (${code}): ${err.slice(-500)}`))));
  });
}

export async function measureStartup(entry: string, dbPath: string, userId: string, runs: number): Promise<Startup> {
  const results: Array<{ ms: number; rssMb: number; maxRssMb: number }> = [];
  for (let i = 0; i < runs; i++) results.push(await once(entry, dbPath, userId));
  const median = <K extends 'ms' | 'rssMb' | 'maxRssMb'>(key: K) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { ms: median('ms'), rssMb: median('rssMb'), maxRssMb: median('maxRssMb'), runs };
}
