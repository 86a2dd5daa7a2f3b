// Where panelbot's own files are (locales, migrations, the example panel, FAQ, item banks):
// the folder of its package.json, found from this module wherever it runs from (sources or the bundle).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'panelbot') return dir;
      } catch {
        // Not ours: keep looking up.
      }
    }
    if (path.dirname(dir) === dir) throw new Error('panelbot: cannot find its package folder');
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

export const packagePath = (...parts: string[]) => path.join(PACKAGE_ROOT, ...parts);
