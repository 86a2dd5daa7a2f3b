// The registration's fields are declared once (src/core/registration/fields.ts): a column added to
// the registrations table without its entry there fails here, so "my data", "correct", completion,
// the ineligible row and erasure cannot silently miss it.
import { afterEach, describe, expect, it } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { ERASED_COLUMNS, REGISTRATION_FIELDS } from '../../src/core/registration/fields';
import { registrations } from '../../src/db/schema/index';

/** Columns about the registration itself rather than what the person told (bookkeeping). */
const BOOKKEEPING = ['personId', 'invitationCode', 'status', 'ineligibleReason', 'consentVersion', 'consentAt', 'registeredAt', 'selection', 'selectionAt', 'participation', 'participationAt', 'reserveRank'];

let panel: TestPanel;
afterEach(() => panel?.close());

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the list of registration fields', () => {
  it('declares every column of the registrations table that is not bookkeeping', () => {
    panel = testPanel();
    const columns = (panel.app.db.$client.prepare('PRAGMA table_info(registrations)').all() as Array<{ name: string }>).map((c) => camel(c.name));
    const declared = REGISTRATION_FIELDS.map((f) => f.key);
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
