// `panelbot broadcast` from a terminal: the same broadcast as Slack's, with a preview (people per
// language and per channel, the time each channel takes at its pace), refused while a language read
// in the audience has no text, and confirmed before one message per person is queued in the outbox.
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { cli as cliOn, panelbot } from '../helpers/run-cli';
import { auditLog, broadcasts, identities, outbox, people, registrations } from '../../src/db/schema/index';
import { PassThrough } from 'node:stream';
import { parseArgs } from '../../src/cli/args';
import { createCliContext } from '../../src/cli/context';
import { broadcastCommand } from '../../src/cli/broadcast';

let panel: TestPanel;
afterEach(() => {
  vi.restoreAllMocks();
  panel?.close();
});

const cli = () => cliOn(panel.dbPath);

/**
 * Seven registrants: Ann and Bob read French, Cem and Dan Dutch, Eva English, Fay French but asked
 * for essential messages only, Gus Dutch with no reachable channel. Ann, Cem and Eva are on
 * WhatsApp, Bob on Telegram, the others in the terminal chat. Ann and Cem are reserves.
 */
function registrants() {
  const db = panel.app.db;
  const ids = seedCohort(db, 7, panel.clock.now(), 61);
  const [ann, bob, cem, dan, eva, fay, gus] = ids as [number, number, number, number, number, number, number];
  const set = (id: number, language: string) => db.update(people).set({ language }).where(eq(people.id, id)).run();
  [ann, bob, fay].forEach((id) => set(id, 'fr'));
  [cem, dan, gus].forEach((id) => set(id, 'nl'));
  set(eva, 'en');
  db.update(people).set({ essentialOnly: true }).where(eq(people.id, fay)).run();
  db.update(identities).set({ channel: 'whatsapp' }).where(inArray(identities.personId, [ann, cem, eva])).run();
  db.update(identities).set({ channel: 'telegram' }).where(eq(identities.personId, bob)).run();
  db.update(identities).set({ reachable: false }).where(eq(identities.personId, gus)).run();
  db.update(registrations).set({ selection: 'reserve' }).where(inArray(registrations.personId, [ann, cem])).run();
  return { ann, bob, cem, dan, eva, fay, gus };
}

const TEXTS = {
  fr: 'Rappel : le panel commence samedi à 9 h 30.',
  nl: 'Herinnering: het panel begint zaterdag om 9.30 uur.',
  de: 'Erinnerung: Das Panel beginnt am Samstag um 9.30 Uhr.',
  en: 'Reminder: the panel starts on Saturday at 9.30.',
};

describe('panelbot broadcast', () => {
  it('previews the people per language and per channel, with the time each channel takes at its pace', async () => {
    panel = testPanel();
    registrants();
    const c = cli();
    const dir = c.file('fr.txt', TEXTS.fr).replace(/fr\.txt$/, '');
    for (const lng of ['nl', 'en'] as const) c.file(`${lng}.txt`, `${TEXTS[lng]}\n`);
    expect(await c.run('broadcast', '--audience', 'registrants', '--texts', dir, '--dry-run')).toBe(0);
    const preview = c.out();
    expect(preview).toContain('Broadcast to all registrants: 6 people');
    expect(preview).toContain('by language: fr 2, nl 3, en 1');
    // Three on WhatsApp: two gaps of 4 to 9 s between people.
    expect(preview).toContain('by channel:  console 1: at once; telegram 1: at once; whatsapp 3: about 13 s (at most 18 s), paced to avoid a ban');
    expect(preview).toContain('not reachable now: 1 (their message waits in the outbox until they are)');
    expect(preview).toContain('left out: 1 asked for essential messages only');
    expect(preview).toContain(`fr: ${TEXTS.fr}`);
    expect(panel.app.db.select().from(broadcasts).all()).toHaveLength(0);
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(0);

    // The same for a script; the WhatsApp pace comes from the settings.
    vi.stubEnv('WHATSAPP_GAP_MIN_SECONDS', '10');
    vi.stubEnv('WHATSAPP_GAP_MAX_SECONDS', '20');
    expect(await c.run('broadcast', '--audience', 'registrants', '--texts', dir, '--essential', '--dry-run', '--json')).toBe(0);
    vi.unstubAllEnvs();
    expect(JSON.parse(c.out())).toEqual({
      audience: 'registrants',
      essential: true,
      people: 7,
      perLanguage: { fr: 3, nl: 3, en: 1 },
      perChannel: { console: { people: 2, typicalSeconds: 0, atMostSeconds: 0 }, telegram: { people: 1, typicalSeconds: 0, atMostSeconds: 0 }, whatsapp: { people: 3, typicalSeconds: 30, atMostSeconds: 40 } },
      unreachable: 1,
      essentialOnly: 0,
      queued: null,
    });
  });

  it('is refused in one line while a language read in the audience has no text, and nothing is saved', async () => {
    panel = testPanel();
    registrants();
    const c = cli();
    const fr = c.file('fr.txt', TEXTS.fr);
    const en = c.file('en.txt', TEXTS.en);
    expect(await c.run('broadcast', '--audience', 'registrants', '--text-fr', fr, '--text-en', en, '--yes')).toBe(1);
    expect(c.out()).toBe('');
    expect(c.errLines()).toEqual(['panelbot: not sent: no text in Dutch (read by 3 people): give --text-nl FILE (or nl.txt in --texts DIR)']);
    // An empty file is no text.
    expect(await c.run('broadcast', '--audience', 'registrants', '--text-fr', fr, '--text-en', en, '--text-nl', c.file('nl.txt', '\n  \n'), '--yes')).toBe(1);
    expect(c.errLines()).toEqual([expect.stringContaining('no text in Dutch')]);
    expect(panel.app.db.select().from(broadcasts).all()).toHaveLength(0);
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(0);

    // The reserves read French and Dutch only: German and English are not needed.
    expect(await c.run('broadcast', '--audience', 'reserves', '--text-fr', fr, '--text-nl', c.file('nl.txt', TEXTS.nl), '--dry-run')).toBe(0);
    expect(c.out()).toContain('Broadcast to the reserves: 2 people');
  });

  it('queues nothing without --yes when it cannot ask, and exactly one message per person in their language with it', async () => {
    panel = testPanel();
    const { ann, bob, cem, dan, eva, fay, gus } = registrants();
    const c = cli();
    const args = ['broadcast', '--audience', 'registrants', ...(['fr', 'nl', 'de', 'en'] as const).flatMap((l) => [`--text-${l}`, c.file(`${l}.txt`, TEXTS[l])])];
    // Not a terminal (a script, a pipe): panelbot cannot ask, so it does not send.
    expect(process.stdin.isTTY).toBeFalsy();
    expect(await c.run(...args)).toBe(1);
    expect(c.out()).toContain('Broadcast to all registrants: 6 people');
    expect(c.errLines()).toEqual(['panelbot: not sent: add --yes to send (panelbot asks only on a terminal), or --dry-run for the preview alone.']);
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(0);

    expect(await c.run(...args, '--yes')).toBe(0);
    expect(c.out()).toMatch(/Broadcast #1 queued: 6 messages\./);
    const rows = panel.app.db.select().from(outbox).where(eq(outbox.kind, 'broadcast')).all();
    const textOf = Object.fromEntries(rows.map((r) => [r.personId, JSON.parse(r.payload).outbound.text]));
    expect(rows).toHaveLength(6);
    expect(textOf).toEqual({ [ann]: TEXTS.fr, [bob]: TEXTS.fr, [cem]: TEXTS.nl, [dan]: TEXTS.nl, [eva]: TEXTS.en, [gus]: TEXTS.nl });
    expect(textOf[fay]).toBeUndefined();
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    const actions = panel.app.db.select().from(auditLog).all().filter((a) => a.action.startsWith('broadcast.'));
    expect(actions.map((a) => a.action)).toEqual(['broadcast.preview', 'broadcast.queue']);
    expect(actions.every((a) => a.actor.startsWith('cli:'))).toBe(true);

    // The same again is a new broadcast: it is sent again, once more per person, never more.
    expect(await c.run(...args, '--yes', '--json')).toBe(0);
    expect(JSON.parse(c.out()).queued).toEqual({ broadcast: 2, messages: 6 });
    expect(panel.app.db.select().from(outbox).where(eq(outbox.kind, 'broadcast')).all()).toHaveLength(12);
  });

  it('asks on a terminal, and sends only after "yes"', async () => {
    panel = testPanel();
    const { ann, cem } = registrants();
    const c = cli();
    const args = ['--db', panel.dbPath, 'broadcast', '--audience', 'reserves', '--text-fr', c.file('fr.txt', TEXTS.fr), '--text-nl', c.file('nl.txt', TEXTS.nl)];
    /** The command as typed on a terminal where the organiser answers `answer`. */
    const onTerminal = (answer: string) => {
      const parsed = parseArgs(args);
      parsed.positionals.shift();
      const input = Object.assign(new PassThrough(), { isTTY: true });
      input.end(answer);
      return broadcastCommand({ ...createCliContext(parsed, 'broadcast'), input });
    };
    expect(await onTerminal('no\n')).toBe(1);
    expect(c.err()).toContain('Send to 2 people? Type yes to send: panelbot: not sent.');
    expect(await onTerminal('')).toBe(1); // Ctrl+D
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(0);
    expect(await onTerminal('yes\n')).toBe(0);
    expect(c.out()).toMatch(/Broadcast #1 queued: 2 messages\./);
    const rows = panel.app.db.select().from(outbox).all();
    expect(Object.fromEntries(rows.map((r) => [r.personId, JSON.parse(r.payload).outbound.text]))).toEqual({ [ann]: TEXTS.fr, [cem]: TEXTS.nl });
  });

  it('says what is wrong with the audience or the event in one line', async () => {
    panel = testPanel();
    const c = cli();
    expect(await c.run('broadcast', '--audience', 'everyone')).toBe(2);
    expect(c.errLines()).toEqual(['panelbot: --audience "everyone" is not one of registrants, selected, reserves, attendees']);
    expect(await c.run('broadcast', '--audience', 'attendees')).toBe(2);
    expect(c.errLines()).toEqual([expect.stringMatching(/^panelbot: --audience attendees needs --event ID \(.*weekend-1/)]);
    expect(await c.run('broadcast', '--audience', 'registrants', '--text-xx', 'a.txt')).toBe(2);
    expect(c.errLines()).toEqual(['panelbot: --text-xx: the languages are fr, nl, de, en']);
    expect(await c.run('broadcast', '--audience', 'registrants', '--text-fr', '/nonexistent/fr.txt')).toBe(2);
    expect(c.errLines()).toEqual(['panelbot: --text-fr: cannot read /nonexistent/fr.txt']);
  });

  it('refuses without --yes in a real process whose input is not a terminal', () => {
    panel = testPanel();
    registrants();
    const c = cli();
    const dir = c.file('fr.txt', TEXTS.fr).replace(/fr\.txt$/, '');
    c.file('nl.txt', TEXTS.nl);
    vi.restoreAllMocks();
    panel.close();
    const run = panelbot(['--db', panel.dbPath, 'broadcast', '--audience', 'reserves', '--texts', dir], { input: 'yes\n' });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('Broadcast to the reserves: 2 people');
    expect(run.stderr).toContain('not sent: add --yes to send');
    panel = panel.reopen();
    expect(panel.app.db.select().from(outbox).all()).toHaveLength(0);
  }, 180_000);
});
