// The hand-off says what people said: a cohort registered through the chat with known answers is
// exported, and each value of people.csv is compared with what each person confirmed; the household of
// their letter and the settings file for sortition-algorithms are written; a failure is named.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { runCli } from '../../src/cli/index';
import { parseCsv, toCsv } from '../../src/cli/csv';
import { generateCode } from '../../src/core/registration/invitation-code';
import { people } from '../../src/db/schema/index';
import { seedCohort } from '../helpers/cohort';

let panel: TestPanel;
afterEach(() => panel?.close());

function captured(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const write = process.stdout.write.bind(process.stdout);
  const werr = process.stderr.write.bind(process.stderr);
  let out = '';
  let err = '';
  process.stdout.write = ((s: string) => ((out += s), true)) as never;
  process.stderr.write = ((s: string) => ((err += s), true)) as never;
  return fn()
    .then((code) => ({ code, out, err }))
    .finally(() => {
      process.stdout.write = write;
      process.stderr.write = werr;
    });
}

// Who they are, what their letter says, what they answer, and what the draw must receive.
const COHORT = [
  { user: 'ann', letter: 'nl+fr', household: 'rue-1', born: '21/03/1990', gender: 'Woman', postcode: '1000', education: 'University', expect: { gender: 'woman', age: '25-64', region: 'brussels', language: 'fr', education: 'university' } },
  // Her housemate: the letter lists the languages the other way round; gender in his own words.
  { user: 'bob', letter: 'fr+nl', household: 'rue-1', born: '01/06/2008', gender: 'genderfluid', postcode: '1000', education: 'Upper secondary', expect: { gender: 'other', age: '16-24', region: 'brussels', language: 'fr', education: 'upper_secondary' } },
  { user: 'cas', letter: 'nl+fr', household: 'straat-9', born: '15/11/1950', gender: 'Man', postcode: '9000', education: 'Primary school', expect: { gender: 'man', age: '65+', region: 'flanders', language: 'nl', education: 'primary' } },
  { user: 'dana', letter: 'fr+de', household: '', born: '02/02/1985', gender: 'Non-binary', postcode: '4700', education: 'No diploma', expect: { gender: 'non_binary', age: '25-64', region: 'wallonia', language: 'de', education: 'none' } },
  { user: 'eli', letter: 'fr+de', household: '', born: '02/02/1975', gender: 'ik ben een vrouw maar anders', postcode: '4000', education: 'Other', expect: { gender: 'other', age: '25-64', region: 'wallonia', language: 'fr', education: 'other' } },
  { user: 'fay', letter: 'nl', household: 'straat-9', born: '30/12/2000', gender: 'Woman', postcode: '1000', education: 'Higher education, not university', expect: { gender: 'woman', age: '25-64', region: 'brussels', language: 'nl', education: 'higher_non_university' } },
];

function registerCohort(dir: string) {
  const codes = COHORT.map(() => generateCode());
  const letters = path.join(dir, 'letters.csv');
  fs.writeFileSync(letters, toCsv(['code', 'language', 'postcode', 'household'], COHORT.map((p, i) => [codes[i]!, p.letter, p.postcode, p.household])));
  return { codes, letters };
}

describe('export pool', () => {
  it('exports each person as they answered, with their letter’s household, and a settings file with the household check on', async () => {
    panel = testPanel();
    const dir = path.dirname(panel.dbPath);
    const { codes, letters } = registerCohort(dir);
    expect((await captured(() => runCli(['--db', panel.dbPath, 'invitations', 'import', letters]))).code).toBe(0);
    COHORT.forEach((p, i) => {
      const u = panel.user(p.user);
      const answers = ['English', codes[i]!, 'continue', 'yes', 'Sam', 'Peeters', p.born, p.gender, p.postcode, p.education, 'Belgian', 'yes', 'no', 'no', 'no', 'no', 'yes', '0470 12 34 56'];
      for (const a of answers) u.says(a);
      expect(u.says('Yes, register me'), p.user).toMatch(/registered/i);
    });
    const files = { people: path.join(dir, 'people.csv'), quotas: path.join(dir, 'quotas.csv'), settings: path.join(dir, 'draw-settings.toml') };
    // Six people cannot fill a panel of 60: the export names why and writes nothing.
    const refused = await captured(() => runCli(['--db', panel.dbPath, 'export', 'pool', '--people', files.people, '--quotas', files.quotas, '--settings', files.settings]));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("not_enough_people: not enough people with the value 'woman' in feature 'gender': the minimum is 29 but we only have 2");
    expect(refused.err).toContain('not_enough_households: 4 households for 60 seats');
    expect(fs.existsSync(files.people)).toBe(false);

    // A panel of 2 with shares the six can fill.
    const config = path.join(dir, 'panel.yaml');
    const yaml = fs.readFileSync(path.resolve('panel.example.yaml'), 'utf8')
      .replace('panelSize: 60', 'panelSize: 2')
      .replace('slack: 1', 'slack: 2');
    fs.writeFileSync(config, yaml);
    const ok = await captured(() => runCli(['--db', panel.dbPath, '--config', config, 'export', 'pool', '--people', files.people, '--quotas', files.quotas, '--settings', files.settings]));
    expect(ok.err).not.toMatch(/problem/);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`sortition csv --settings ${files.settings} --features-csv ${files.quotas} --people-csv ${files.people} --selected-csv selected.csv --remaining-csv remaining.csv --number-wanted 2`);

    const exported = parseCsv(fs.readFileSync(files.people, 'utf8'));
    expect(exported.header).toEqual(['id', 'household', 'gender', 'age', 'region', 'language', 'education']);
    const pseudonyms = panel.app.db.select({ p: people.pseudonym }).from(people).orderBy(people.id).all().map((r) => r.p);
    const rows = new Map(exported.rows.map((r) => [r.values.id, r.values]));
    COHORT.forEach((p, i) => {
      const row = rows.get(pseudonyms[i]!)!;
      expect({ gender: row.gender, age: row.age, region: row.region, language: row.language, education: row.education }, p.user).toEqual(p.expect);
    });
    // Households: ann and bob share one, cas and fay another; dana and eli each have their own.
    const h = (i: number) => rows.get(pseudonyms[i]!)!.household;
    expect(h(0)).toBe(h(1));
    expect(h(2)).toBe(h(5));
    expect(new Set([h(0), h(2), h(3), h(4)]).size).toBe(4);
    // The letters' household references stay in panelbot.
    expect(fs.readFileSync(files.people, 'utf8')).not.toMatch(/rue-1|straat-9/);

    const quotas = parseCsv(fs.readFileSync(files.quotas, 'utf8'));
    expect(quotas.rows.filter((r) => r.values.feature === 'gender').map((r) => r.values.value)).toEqual(['woman', 'man', 'non_binary', 'other']);
    const settings = fs.readFileSync(files.settings, 'utf8');
    expect(settings).toContain('id_column = "id"');
    expect(settings).toContain('check_same_address = true');
    expect(settings).toContain('check_same_address_columns = ["household"]');
    expect(settings).toContain('columns_to_keep = []');
  });

  it('the self-described gender’s value is configurable', async () => {
    panel = testPanel();
    seedCohort(panel.app.db, 400, panel.clock.now());
    const dir = path.dirname(panel.dbPath);
    const config = path.join(dir, 'panel.yaml');
    fs.writeFileSync(config, fs.readFileSync(path.resolve('panel.example.yaml'), 'utf8').replace('selfDescribedGender: other', 'selfDescribedGender: own_words'));
    const files = { people: path.join(dir, 'people.csv'), quotas: path.join(dir, 'quotas.csv') };
    expect((await captured(() => runCli(['--db', panel.dbPath, '--config', config, 'export', 'pool', '--people', files.people, '--quotas', files.quotas]))).code).toBe(0);
    const genders = new Set(parseCsv(fs.readFileSync(files.people, 'utf8')).rows.map((r) => r.values.gender));
    expect([...genders].sort()).toEqual(['man', 'non_binary', 'own_words', 'woman']);
    expect(fs.readFileSync(files.quotas, 'utf8')).toContain('gender,own_words,0,1');
    expect(fs.existsSync(path.join(dir, 'settings.toml'))).toBe(true);
  });
});
