// What `panelbot doctor` finds: one finding per check, with what to do when something is wrong.
export type Status = 'ok' | 'info' | 'warn' | 'fail';

export interface Finding {
  /** environment, settings, telegram, slack, whatsapp, web, database, panel */
  area: string;
  status: Status;
  /** What was found (never a secret's value). */
  text: string;
  /** How to fix it, when it needs fixing. */
  fix?: string;
}

export const ok = (area: string, text: string): Finding => ({ area, status: 'ok', text });
export const info = (area: string, text: string): Finding => ({ area, status: 'info', text });
export const warn = (area: string, text: string, fix: string): Finding => ({ area, status: 'warn', text, fix });
export const fail = (area: string, text: string, fix: string): Finding => ({ area, status: 'fail', text, fix });

const LABEL: Record<Status, string> = { ok: 'ok  ', info: 'info', warn: 'WARN', fail: 'FAIL' };

/** One line per finding: status, area, what, and what to do. */
export function findingLine(f: Finding): string {
  return `${LABEL[f.status]} ${f.area}: ${f.text}${f.fix ? ` -> ${f.fix}` : ''}`;
}

export function summaryLine(findings: Finding[]): string {
  const count = (s: Status) => findings.filter((f) => f.status === s).length;
  const failed = count('fail');
  const warned = count('warn');
  if (failed === 0 && warned === 0) return 'panelbot doctor: nothing wrong found.';
  return `panelbot doctor: ${failed} ${failed === 1 ? 'problem' : 'problems'} to fix, ${warned} ${warned === 1 ? 'warning' : 'warnings'}.`;
}
