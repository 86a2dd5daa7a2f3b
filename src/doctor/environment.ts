// The machine: a Node version the package supports, and SQLite's native module built for it.
import fs from 'node:fs';
import { packagePath } from '../paths';
import { sqliteLoadError } from '../db/inspect';
import { fail, ok, type Finding } from './findings';

const AREA = 'environment';

function parts(version: string): [number, number, number] {
  const [a = 0, b = 0, c = 0] = version.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  return [a, b, c];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether a version meets an `engines` range of the forms package.json uses: `^X.Y.Z || >=X.Y.Z`. */
export function meetsEngines(version: string, range: string): boolean {
  const v = parts(version);
  return range.split('||').some((alternative) => {
    const m = /^\s*(\^|>=)\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(alternative);
    if (!m) return false;
    const floor = parts(m[2]!);
    return compare(v, floor) >= 0 && (m[1] === '>=' || v[0] === floor[0]);
  });
}

export function enginesRange(): string {
  return (JSON.parse(fs.readFileSync(packagePath('package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node ?? '*';
}

export function checkEnvironment(nodeVersion = process.versions.node, loadError: () => string | undefined = sqliteLoadError): Finding[] {
  const findings: Finding[] = [];
  const range = enginesRange();
  findings.push(
    meetsEngines(nodeVersion, range)
      ? ok(AREA, `Node ${nodeVersion} is supported (${range})`)
      : fail(AREA, `Node ${nodeVersion} is not supported (package.json engines: ${range})`, 'install Node 22 or 24 (or 20.19+), then run npm ci again'),
  );
  const error = loadError();
  findings.push(
    error === undefined
      ? ok(AREA, 'better-sqlite3 loads')
      : fail(AREA, `better-sqlite3 does not load: ${error}`, 'run npm rebuild better-sqlite3 (it was built for another Node version), or npm ci again'),
  );
  return findings;
}
