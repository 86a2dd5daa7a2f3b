// `panelbot doctor [--json] [--online]`: what is wrong with this installation and how to fix it, one
// line each; exit code 1 when something must be fixed. It runs before the usual start-up (a wrong
// setting is one of the things it reports), reads the database without changing it, and uses the
// network only with --online. It shows no personal data, so it is open to whoever can read the files.
import { has, one, type ParsedArgs } from './args';
import { DEFAULT_DB, resolveConfigPath } from '../app';
import { readSettingsLeniently } from '../config/settings';
import { findingLine, runDoctor, summaryLine } from '../doctor/index';

export async function doctorCommand(args: ParsedArgs, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const { settings, problems } = readSettingsLeniently();
  const findings = await runDoctor({
    settings,
    settingProblems: problems,
    dbPath: one(args, 'db') ?? settings.PANELBOT_DB ?? DEFAULT_DB,
    config: resolveConfigPath(one(args, 'config') ?? settings.PANELBOT_CONFIG),
    online: has(args, 'online'),
  });
  const failed = findings.some((f) => f.status === 'fail');
  if (has(args, 'json')) out(JSON.stringify({ ok: !failed, findings }, null, 2));
  else {
    for (const f of findings) out(findingLine(f));
    out(summaryLine(findings));
  }
  return failed ? 1 : 0;
}
