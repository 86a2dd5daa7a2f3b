// Item banks may live in their own files (surveys/gaais.yaml): read them into the configuration
// before it is validated, so a mistake in a bank is reported like any other configuration error.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PACKAGE_ROOT } from '../paths';

/** Where panelbot's own banks live (surveys/ beside panel.example.yaml), for configurations kept elsewhere. */
const PACKAGE_DIR = PACKAGE_ROOT;

/**
 * Replaces each surveys.banks entry that is a file path by the file's content; returns the problems.
 * A path is looked up beside the configuration file first, then among panelbot's own banks.
 */
export function inlineSurveyBanks(raw: unknown, configDir: string): string[] {
  const banks = (raw as { surveys?: { banks?: Record<string, unknown> } } | null)?.surveys?.banks;
  if (!banks || typeof banks !== 'object') return [];
  const problems: string[] = [];
  for (const [id, ref] of Object.entries(banks)) {
    if (typeof ref !== 'string') continue;
    const file = [path.resolve(configDir, ref), path.resolve(PACKAGE_DIR, ref)].find((f) => fs.existsSync(f)) ?? path.resolve(configDir, ref);
    try {
      const text = fs.readFileSync(file, 'utf8');
      banks[id] = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
    } catch (err) {
      problems.push(`surveys.banks.${id}: ${ref} cannot be read or parsed (${(err as Error).message.split('\n')[0]})`);
    }
  }
  return problems;
}
