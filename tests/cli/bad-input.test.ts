// Bad input never crashes a command: dates in ISO or day/month/year (panel time), one clear line on
// error; CSV files with another separator or an unknown column refused with the line; invitation
// codes from another service accepted, panelbot's own still checked, in the file and in the chat.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { cli as cliOn } from '../helpers/run-cli';
import { invitations } from '../../src/db/schema/index';
import { generateCode } from '../../src/core/registration/invitation-code';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

const cli = () => cliOn(panel.dbPath);

describe('dates typed on the command line', () => {
  it('reads day/month/year and ISO in panel time, and says in one line what a wrong date should look like', async () => {
    panel = testPanel();
    const c = cli();
    expect(await c.run('outbox', 'preview', '--from', '5/12/2026', '--to', '2026-12-20')).toBe(0);
    expect(c.out()).toContain('Outbox from 2026-12-05 to 2026-12-20');
    for (const bad of ['31/02/2027', '12/2026', 'tomorrow']) {
      expect(await c.run('outbox', 'preview', '--from', bad)).toBe(2);
      const lines = c.errLines();
      expect(lines).toEqual([`panelbot: --from "${bad}" is not a date: type it like 2027-02-13 or 13/2/2027 (day/month/year, Europe/Brussels)`]);
    }
    expect(await c.run('outbox', 'preview', '--from', '2027-01-10', '--to', '2027-01-01')).toBe(2);
    expect(c.errLines()).toEqual(['panelbot: --to 2027-01-01 is before --from 2027-01-10']);
    expect(await c.run('events', 'move', 'weekend-1', '--start', '27/2/2027 9:30', '--end', 'Sunday')).toBe(2);
    const [line, ...rest] = c.errLines();
    expect(line).toMatch(/^panelbot: --end "Sunday" is not a date and time: type it like /);
    expect(rest).toEqual([]);
    expect(await c.run('checkin', 'weekend-1', '--person', 'P-X', '--day', '2027-13-01')).toBe(2);
    expect(c.errLines()).toHaveLength(1);
  });
});

describe('CSV files', () => {
  it('refuses a file with semicolons, an unknown column or a stray field, with the line, importing nothing', async () => {
    panel = testPanel();
    const c = cli();
    const [a, b] = [generateCode(), generateCode()];
    expect(await c.run('invitations', 'import', c.file('semi.csv', `code;language\n${a};fr\n${b};nl\n`))).toBe(1);
    expect(c.errLines()).toEqual([expect.stringMatching(/semi\.csv, line 1: the columns are separated by ";"; panelbot reads commas/)]);
    expect(await c.run('invitations', 'import', c.file('extra.csv', `code,language,name\n${a},fr,Ann\n`))).toBe(1);
    expect(c.errLines()).toEqual([expect.stringMatching(/extra\.csv, line 1: unknown column "name" \(columns: code, language, postcode, household, easy_read\)/)]);
    expect(await c.run('invitations', 'import', c.file('stray.csv', `code,language\n${a},fr\n${b},nl,1000\n`))).toBe(1);
    expect(c.errLines()).toEqual([expect.stringMatching(/stray\.csv, line 3: 3 fields but the header has 2 columns/)]);
    expect(panel.app.db.select().from(invitations).all()).toHaveLength(0);
    expect(await c.run('invitations', 'import', c.file('good.csv', `code,language\n${a},fr\n"${b}",nl\n`))).toBe(0);
    expect(c.out()).toContain('2 invitations imported');
  });
});

describe('invitation codes from another service', () => {
  it('imports them (case and dashes ignored), still names a typo in panelbot\'s own codes, and the chat accepts both', async () => {
    panel = testPanel();
    const c = cli();
    expect(await c.run('invitations', 'import', c.file('other.csv', 'code,language\nPANEL0001,en\npanel-0002,en\nAB12,en\nX9,en\nTOOLONGCODE1234567,en\n'))).toBe(1);
    const problems = c.errLines();
    expect(problems).toContain('line 5: "X9" is not a code (4 to 16 letters and digits; dashes and spaces are ignored)');
    expect(problems).toContain('line 6: "TOOLONGCODE1234567" is not a code (4 to 16 letters and digits; dashes and spaces are ignored)');
    expect(c.out()).toContain('3 invitations imported');

    // panelbot's own codes: one wrong check character is named as such.
    const own = Array.from({ length: 4 }, () => generateCode());
    const typo = own[3]!.slice(0, 8) + (own[3]![8] === '2' ? '3' : '2');
    expect(await c.run('invitations', 'import', c.file('own.csv', `code,language\n${own.slice(0, 3).join(',en\n')},en\n${typo},en\n`))).toBe(1);
    expect(c.errLines()).toEqual([`line 5: "${typo}" has a wrong check character: a typing mistake? (panelbot's codes, see "invitations generate")`]);

    const ann = panel.user('ann');
    ann.says('English');
    expect(ann.says('panel 0001')).toContain('code PANEL0001 is valid');
    const bob = panel.user('bob');
    bob.says('English');
    expect(bob.says(typo)).toContain('typing mistake');
    expect(bob.says('PANEL0009')).toContain('I do not know this code');
    expect(bob.says(`${own[0]!.slice(0, 3)}-${own[0]!.slice(3, 6)}-${own[0]!.slice(6)}`.toLowerCase())).toContain('is valid');
  });
});
