// Loads the panel configuration file (YAML or JSON) and validates it.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describeIssues, panelConfigSchema, type PanelConfig } from '../core/panel/config';
import { inlineSurveyBanks } from './survey-banks';
import { packagePath } from '../paths';

export const EXAMPLE_CONFIG = packagePath('panel.example.yaml');

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadPanelConfig(file: string): PanelConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, ['cannot be read (does the file exist?)']);
  }
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    throw new ConfigError(file, [`is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`]);
  }
  const bankProblems = inlineSurveyBanks(raw, path.dirname(file));
  const parsed = panelConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, [...bankProblems, ...describeIssues(parsed.error)]);
  if (bankProblems.length > 0) throw new ConfigError(file, bankProblems);
  return parsed.data;
}
