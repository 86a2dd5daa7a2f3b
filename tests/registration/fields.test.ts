// The registration's fields are declared once (src/core/registration/fields.ts): a column added to
// the registrations table without its entry there fails here, so "my data", "correct", completion,
// the ineligible row and erasure cannot silently miss it. The dialogue's questions, their order, the
// summary, what can be corrected and the row the store inserts are checked against the list too,
// by chatting; and no other source file may list the fields by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel, type TestUser } from '../helpers/chat';
import { registered } from '../helpers/register';
import { ERASED_COLUMNS, REGISTRATION_FIELDS, type RegistrationField } from '../../src/core/registration/fields';
import { registrations } from '../../src/db/schema/index';
import type { Language } from '../../src/core/panel/config';

/** Columns about the registration itself rather than what the person told (bookkeeping). */
const BOOKKEEPING = ['personId', 'invitationCode', 'status', 'ineligibleReason', 'consentVersion', 'consentAt', 'registeredAt', 'selection', 'selectionAt', 'participation', 'participationAt', 'reserveRank'];

let panel: TestPanel;
afterEach(() => panel?.close());

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the list of registration fields', () => {
  it('declares every column of the registrations table that is not bookkeeping', () => {
    panel = testPanel();
    const columns = (panel.app.db.$client.prepare('PRAGMA table_info(registrations)').all() as Array<{ name: string }>).map((c) => camel(c.name));
    const declared: string[] = REGISTRATION_FIELDS.map((f) => f.key);
    expect(columns.filter((c) => !BOOKKEEPING.includes(c) && !declared.includes(c))).toEqual([]);
    expect(declared.filter((k) => !columns.includes(k))).toEqual([]);
  });

  it('erasure empties exactly the fields not kept for statistics', () => {
    panel = testPanel();
    const ann = registered(panel, 'ann');
    ann.says('delete me');
    ann.says('1');
    const row = panel.app.db.select().from(registrations).get()! as Record<string, unknown>;
    for (const { key } of REGISTRATION_FIELDS) expect([key, row[key] === null]).toEqual([key, ERASED_COLUMNS.includes(key)]);

  });
});

const FIELDS: readonly RegistrationField[] = REGISTRATION_FIELDS;
const stepOf = (f: RegistrationField) => f.step ?? f.key;
const unique = (xs: string[]) => [...new Set(xs)];
/** The steps that ask the fields, as the list declares them: in its order, follow-ups left out. */
const fieldSteps = (moment: 'consent' | 'availability') =>
  unique(FIELDS.filter((f) => f.question && !f.askedWhen && (f.askedAfter ?? 'consent') === moment).map(stepOf));

/** An answer for each field's question (a new field needs one here). */
const SAMPLE: Record<string, string> = {
  firstName: 'Ann',
  lastName: 'Peeters',
  birthDate: '21/03/1990',
  gender: 'Woman',
  postcode: '9000',
  education: 'University',
  nationality: 'Belgian',
  euVote: 'yes',
  contact: '0470 12 34 56',
};

describe('the registration dialogue follows the list of fields', () => {
  const en = (key: string) => panel.app.services.i18n.t('en' as Language, key);
  /** Checks the last reply asks the step's question (by its text), then answers it. */
  const answers = async (user: TestUser, step: string) => {
    const replies = user.last.map((o) => o.text).join('\n');
    expect([step, replies.includes(en(`registration:${step}.ask`))]).toEqual([step, true]);
    expect(SAMPLE[step], `a sample answer for ${step}`).toBeDefined();
    await user.tells(SAMPLE[step]!);
  };

  it('asks each field in the list\'s order, shows them in the summary, offers each correctable one, and stores them all', async () => {
    panel = testPanel();
    const [code] = panel.invite(1, 'nl');
    const ann = panel.user('ann');
    for (const text of ['English', code!, 'continue', 'yes']) await ann.tells(text);
    for (const step of fieldSteps('consent')) await answers(ann, step);
    for (const text of ['no', 'no', 'no', 'no']) await ann.tells(text);
    expect(ann.last.map((o) => o.text).join('\n')).toContain(en('registration:availability.ask').split('{{')[0]!.trim());
    await ann.tells('yes');
    for (const step of fieldSteps('availability')) await answers(ann, step);

    // The summary: one line per summary line of the list, in its order.
    const summary = ann.last.map((o) => o.text).join('\n');
    const shownLines = summary.split('\n').filter((l) => l.startsWith('• ')).map((l) => l.slice(2, l.indexOf(':')));
    const lines = unique(FIELDS.flatMap((f) => (f.summary ? [f.summary] : [])));
    expect(shownLines).toEqual(lines.map((l) => en(`registration:summary.fields.${l}`)));

    // "Change": the correctable fields, in the list's order; each asks its question and comes back to the summary.
    const correctable = unique(FIELDS.flatMap((f) => (f.correctStep ? [f.correctStep] : [])));
    for (const step of correctable) {
      await ann.tells(en('registration:summary.change'));
      expect(ann.last.flatMap((o) => o.choices ?? []).map((c) => c.id.split(':').pop())).toEqual(correctable);
      await ann.tells(en(`registration:summary.fields.${step}`));
      await answers(ann, step);
      expect(ann.last.map((o) => o.text).join('\n')).toContain(en('registration:summary.title'));
    }

    // Confirmed: every answer given and every derived field is in the row the store wrote.
    await ann.tells(en('registration:summary.confirm'));
    const row = panel.app.db.select().from(registrations).get()! as Record<string, unknown>;
    // Every answer the sample gives (its contact is a phone number) and every derived field.
    const filled = FIELDS.filter((f) => f.derive || (f.answer && !f.optional) || f.key === 'phone').map((f) => f.key);
    expect(filled.filter((key) => row[key] === null || row[key] === undefined)).toEqual([]);
  });
});

describe('no other source file lists the registration fields by hand', () => {
  const keys = FIELDS.map((f) => f.key);
  const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const patterns = keys.map((key) => new RegExp(`\\b(${key}|${snake(key)})\\b`));
  /** Where the fields are declared: the list itself and the table's columns. */
  const HOMES = ['src/core/registration/fields.ts', 'src/db/schema/registration.ts'];
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('names at most five of the fields within any twelve lines outside fields.ts and the schema', () => {
    // A file that uses a few fields for its own purpose (the draw's features, an organiser's
    // contact card) is fine; one that names six or more near each other is keeping its own list.
    const lists: string[] = [];
    for (const file of files('src').filter((f) => !HOMES.includes(f.split(path.sep).join('/')))) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        const window = lines.slice(i, i + 12).join('\n');
        const named = keys.filter((_, k) => patterns[k]!.test(window));
        if (named.length >= 6) {
          lists.push(`${file}:${i + 1} ${named.join(', ')}`);
          break;
        }
      }
    }
    expect(lists).toEqual([]);
  });
});
