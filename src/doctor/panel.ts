// The panel configuration: it loads (every field valid, the time zone included), its dates make
// sense together, and every language it offers has all its texts (and an FAQ).
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadPanelConfig } from '../config/panel';
import type { PanelConfig } from '../core/panel/config';
import { faqFor } from '../core/helpline/faq';
import { eventDays, PanelCalendar, type ScheduledEvent } from '../core/panel/calendar';
import { LOCALES_DIR } from '../core/conversation/i18n';
import { fail, ok, warn, type Finding } from './findings';

const AREA = 'panel';
const LANGUAGE_NAMES: Record<string, string> = { fr: 'French', nl: 'Dutch', de: 'German', en: 'English' };

export function checkPanel(file: string, example: boolean, localesDir = LOCALES_DIR): Finding[] {
  const findings: Finding[] = [];
  let config: PanelConfig;
  try {
    config = loadPanelConfig(file);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.map((problem) => fail(AREA, `${file}: ${problem}`, 'correct that field (panel.example.yaml shows each one)'));
  }
  if (example) findings.push(warn(AREA, `no --config or PANELBOT_CONFIG: the example panel is used (${file})`, 'copy panel.example.yaml, describe your panel, and set PANELBOT_CONFIG'));
  else findings.push(ok(AREA, `${file} loads (time zone ${config.panel.timezone}, languages ${config.panel.languages.join(', ')})`));
  findings.push(...checkDates(config));
  for (const lng of config.panel.languages) findings.push(...checkLanguage(config, lng, localesDir));
  return findings;
}

/** Beyond what the configuration itself refuses: the panel's days come after the draw that chooses its members (configured dates). */
function checkDates(config: PanelConfig): Finding[] {
  const { drawDate } = config.registration;
  const calendar = new PanelCalendar(config);
  const all = calendar.chronological();
  const firstDay = (e: ScheduledEvent) => eventDays(e, calendar.timeZone)[0]!;
  const early = all.filter((e) => e.audience.includes('selected') && firstDay(e) <= drawDate);
  if (early.length === 0) return [ok(AREA, `dates in order: registration ${config.registration.opens} to ${config.registration.closes}, draw ${drawDate}, then ${all.length} events`)];
  return early.map((e) => warn(AREA, `event ${e.id} (for the selected) starts ${firstDay(e)}, not after the draw (${drawDate})`, 'move the event (npx panelbot events move) or the draw date in the configuration'));
}

type Tree = { [key: string]: string | Tree };

/**
 * Keys of a locale file, plural forms folded into their base key (French has _many, English not).
 * Easy-read versions (`key_easy`) are optional per language (the base text is used instead): left out.
 */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    if (typeof v !== 'string') return keysOf(v, `${prefix}${k}.`);
    const key = k.replace(/_(zero|one|two|few|many|other)$/, '');
    return key.endsWith('_easy') ? [] : [`${prefix}${key}`];
  });
}

function localeKeys(dir: string): Set<string> | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const keys = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    for (const key of keysOf(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Tree)) keys.add(`${ns}:${key}`);
  }
  return keys;
}

function checkLanguage(config: PanelConfig, lng: string, localesDir: string): Finding[] {
  const name = LANGUAGE_NAMES[lng] ?? lng;
  const findings: Finding[] = [];
  const reference = localeKeys(path.join(localesDir, 'en'))!;
  const keys = localeKeys(path.join(localesDir, lng));
  if (!keys) return [fail(AREA, `no texts in ${name}: ${path.join(localesDir, lng)} is missing`, 'reinstall panelbot (npm ci), or remove the language from panel.languages')];
  const missing = [...reference].filter((k) => !keys.has(k));
  if (missing.length > 0) findings.push(fail(AREA, `${missing.length} texts missing in ${name}: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}`, `add them to ${path.join(localesDir, lng)} (npx vitest run tests/locales.test.ts lists them)`));
  else findings.push(ok(AREA, `${name}: all ${reference.size} texts`));
  if (faqFor(config).entries(lng as PanelConfig['panel']['languages'][number]).length === 0) {
    findings.push(warn(AREA, `no FAQ in ${name}: every question in ${name} goes to the team`, `write ${config.helpline.faqDir}/${lng}.md (see faq/README.md)`));
  }
  return findings;
}
