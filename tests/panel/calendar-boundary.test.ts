// One calendar: only src/core/panel/calendar.ts reads the configured events (the schema in
// config.ts declares them). Everything else asks the calendar, which applies `events move`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

const ALLOWED = [path.join('src', 'core', 'panel', 'calendar.ts'), path.join('src', 'core', 'panel', 'config.ts')];

describe('the calendar', () => {
  it('is the only reader of the configured events', () => {
    const readers = files('src')
      .filter((f) => !ALLOWED.includes(f))
      .filter((f) => /\.events\b|\{[^}]*\bevents\b[^}]*\}\s*=\s*(config|cfg|panelConfig)\b/.test(fs.readFileSync(f, 'utf8')));
    expect(readers, 'read the events through src/core/panel/calendar.ts (panelCalendar, eventNames)').toEqual([]);
  });
});
