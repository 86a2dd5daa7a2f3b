// `panelbot doctor`: checks the machine, the settings of every configured channel, the database and
// the panel configuration, and says what is wrong and how to fix it. No network unless online is
// asked for (Telegram's getMe, Slack's auth.test).
import type { Settings } from '../config/settings';
import { areaOfSetting, checkSlack, checkSlackOnline, checkTelegram, checkTelegramOnline, checkWeb, checkWhatsApp } from './channels';
import { checkDatabase } from './database';
import { checkEnvironment } from './environment';
import { fail, type Finding } from './findings';
import { checkPanel } from './panel';

export interface DoctorInput {
  settings: Settings;
  /** Settings that could not be read, one per setting (their values are never shown). */
  settingProblems: Array<{ setting: string; message: string }>;
  dbPath: string;
  config: { file: string; example: boolean };
  online?: boolean;
  nodeVersion?: string;
  fetch?: typeof fetch;
}

export async function runDoctor(input: DoctorInput): Promise<Finding[]> {
  const { settings } = input;
  const findings: Finding[] = [...checkEnvironment(input.nodeVersion)];
  for (const p of input.settingProblems) {
    findings.push(fail(areaOfSetting(p.setting), `setting ${p.setting}: ${p.message}`, `correct ${p.setting} in .env or the environment (.env.example explains it)`));
  }
  findings.push(...checkTelegram(settings));
  if (input.online && settings.TELEGRAM_BOT_TOKEN) findings.push(await checkTelegramOnline(settings, input.fetch));
  findings.push(...checkSlack(settings));
  if (input.online && settings.SLACK_BOT_TOKEN) findings.push(await checkSlackOnline(settings, input.fetch));
  findings.push(...checkWhatsApp(settings, input.dbPath));
  findings.push(...checkWeb(settings));
  // A channel whose setting is wrong is not "not configured": its FAIL line says what to do.
  const wrong = new Set(input.settingProblems.map((p) => areaOfSetting(p.setting)));
  for (let i = findings.length - 1; i >= 0; i--) {
    if (findings[i]!.status === 'info' && wrong.has(findings[i]!.area) && findings[i]!.text.startsWith('not configured')) findings.splice(i, 1);
  }
  findings.push(...checkDatabase(input.dbPath));
  findings.push(...checkPanel(input.config.file, input.config.example));
  return findings;
}

export { findingLine, summaryLine, type Finding } from './findings';
