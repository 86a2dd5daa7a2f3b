// `panelbot broadcast --audience AUDIENCE [--event ID] (--texts DIR | --text-fr FILE …) [--essential]
// [--dry-run | --yes] [--json]`: a message to everyone in an audience, from a terminal. The same
// broadcast as Slack's /panel broadcast (src/core/organisers/broadcast.ts): a preview (people per
// language and per channel, and how long each channel takes at its pace), refused while a language
// read in the audience has no text, confirmed before anything is queued; then one outbox row per
// person in their language, sent by the running panelbot at each channel's pace. Audited.
import { panelJson } from '../core/panel/panel-time';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { has, InputError, one, UsageError } from './args';
import type { CliContext } from './context';
import { operator } from './operator';
import { BROADCAST_AUDIENCES, missingLanguages, previewBroadcast, queueBroadcast, saveDraft, type BroadcastAudience, type BroadcastDraft, type BroadcastPreview } from '../core/organisers/broadcast';
import { eventNames } from '../core/panel/calendar';
import { LANGUAGES, type Language } from '../core/panel/config';
import { broadcastTime, describeTime } from '../bots/broadcast-pace';
import { plural } from '../core/organisers/plural';

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'French', nl: 'Dutch', de: 'German', en: 'English' };
const AUDIENCE_NAMES: Record<BroadcastAudience, string> = {
  registrants: 'all registrants',
  selected: 'the selected participants (not those who declined)',
  reserves: 'the reserves',
  attendees: 'the attendees',
};
const USAGE = 'broadcast --audience registrants|selected|reserves|attendees [--event ID] (--texts DIR | --text-fr FILE --text-nl FILE --text-de FILE --text-en FILE) [--essential] [--dry-run | --yes] [--json]';

/** The texts: `--texts DIR` reads DIR/fr.txt, nl.txt, de.txt, en.txt (those present); `--text-LL FILE` gives or replaces one. */
function readTexts(ctx: CliContext): Partial<Record<Language, string>> {
  const texts: Partial<Record<Language, string>> = {};
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file, 'utf8').trim();
    } catch {
      throw new InputError(`${what}: cannot read ${file}`);
    }
  };
  const dir = one(ctx.args, 'texts');
  if (dir !== undefined) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError(`--texts ${dir} is not a folder (it holds fr.txt, nl.txt, de.txt, en.txt)`);
    for (const lng of LANGUAGES) {
      const file = path.join(dir, `${lng}.txt`);
      if (fs.existsSync(file)) texts[lng] = read(file, `--texts ${dir}`);
    }
  }
  for (const lng of LANGUAGES) {
    const file = one(ctx.args, `text-${lng}`);
    if (file !== undefined) texts[lng] = read(file, `--text-${lng}`);
  }
  for (const lng of LANGUAGES) if (texts[lng] === '') delete texts[lng];
  return texts;
}

function readDraft(ctx: CliContext, events: string[]): BroadcastDraft {
  const audience = one(ctx.args, 'audience');
  if (!audience) throw new UsageError('broadcast needs --audience');
  if (!(BROADCAST_AUDIENCES as readonly string[]).includes(audience)) throw new InputError(`--audience "${audience}" is not one of ${BROADCAST_AUDIENCES.join(', ')}`);
  const eventId = one(ctx.args, 'event');
  if (audience === 'attendees' && eventId === undefined) throw new InputError(`--audience attendees needs --event ID (${events.join(', ')})`);
  if (eventId !== undefined && audience !== 'attendees') throw new InputError('--event goes with --audience attendees only');
  if (eventId !== undefined && !events.includes(eventId)) throw new InputError(`no event "${eventId}" (${events.join(', ')})`);
  const unknown = [...ctx.args.options.keys()].filter((k) => k.startsWith('text-') && !(LANGUAGES as readonly string[]).includes(k.slice(5)));
  if (unknown.length) throw new InputError(`--${unknown[0]}: the languages are ${LANGUAGES.join(', ')}`);
  return { audience: audience as BroadcastAudience, ...(eventId !== undefined ? { eventId } : {}), texts: readTexts(ctx), essential: has(ctx.args, 'essential') };
}

/** The preview as data: what --json prints. */
function previewData(ctx: CliContext, draft: BroadcastDraft, preview: BroadcastPreview) {
  return {
    audience: draft.audience,
    ...(draft.eventId ? { event: draft.eventId } : {}),
    essential: draft.essential,
    people: preview.total + preview.unreachable,
    perLanguage: preview.perLanguage,
    perChannel: Object.fromEntries(
      Object.entries(preview.perChannel).map(([channel, people]) => {
        const time = broadcastTime(channel, people, ctx.settings);
        return [channel, { people, typicalSeconds: Math.round(time.typicalMs / 1000), atMostSeconds: Math.round(time.atMostMs / 1000) }];
      }),
    ),
    unreachable: preview.unreachable,
    essentialOnly: preview.essentialOnly,
  };
}

function printPreview(ctx: CliContext, draft: BroadcastDraft, preview: BroadcastPreview): void {
  const say = (line: string) => ctx.out(line);
  const people = preview.total + preview.unreachable;
  say(`Broadcast to ${AUDIENCE_NAMES[draft.audience]}${draft.eventId ? ` of ${draft.eventId}` : ''}: ${plural(people, 'person', 'people')}${draft.essential ? ' (essential)' : ''}`);
  const languages = Object.entries(preview.perLanguage).map(([l, n]) => `${l} ${n}`);
  say(`  by language: ${languages.join(', ') || 'none'}`);
  const channels = Object.entries(preview.perChannel).sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c} ${n}: ${describeTime(broadcastTime(c, n, ctx.settings))}${c === 'whatsapp' ? ', paced to avoid a ban' : ''}`);
  say(`  by channel:  ${channels.join('; ') || 'none'}`);
  if (preview.unreachable) say(`  not reachable now: ${preview.unreachable} (their message waits in the outbox until they are)`);
  if (preview.essentialOnly) say(`  left out: ${preview.essentialOnly} asked for essential messages only (--essential includes them)`);
  for (const lng of LANGUAGES) {
    const text = draft.texts[lng];
    if (!text) continue;
    const first = text.split('\n')[0]!;
    say(`  ${lng}${preview.perLanguage[lng] ? '' : ' (nobody reads it)'}: ${first.length > 70 ? `${first.slice(0, 69)}…` : first}${text.includes('\n') ? ' […]' : ''}`);
  }
}

/** Asks on the terminal; false when the answer is not yes, or the input ends (Ctrl+D). */
async function confirmed(ctx: CliContext, people: number): Promise<boolean> {
  const rl = createInterface({ input: ctx.input ?? process.stdin, output: process.stderr });
  const ended = new Promise<string>((resolve) => rl.once('close', () => resolve('')));
  try {
    const answer = await Promise.race([rl.question(`Send to ${plural(people, 'person', 'people')}? Type yes to send: `), ended]);
    return /^\s*(y|yes)\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}

export async function broadcastCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.positionals.length) throw new UsageError(`broadcast takes no words, only options: ${USAGE}`);
  const app = ctx.openApp();
  const { services } = app;
  const { db, config } = services;
  const draft = readDraft(ctx, eventNames(config).map((e) => e.id));
  const json = has(ctx.args, 'json');
  const preview = previewBroadcast(db, config, draft);
  const people = preview.total + preview.unreachable;
  const missing = missingLanguages(db, config, draft);
  if (missing.length) {
    const which = missing.map((l) => `${LANGUAGE_NAMES[l]} (read by ${plural(preview.perLanguage[l] ?? 0, 'person', 'people')})`).join(', ');
    ctx.err(`panelbot: not sent: no text in ${which}: give ${missing.map((l) => `--text-${l} FILE`).join(' ')} (or ${missing.map((l) => `${l}.txt`).join(', ')} in --texts DIR)`);
    return 1;
  }
  // --json: one document at the end, the preview and what was queued (null: nothing).
  const printJson = (queued: { broadcast: number; messages: number } | null) => ctx.out(panelJson({ ...previewData(ctx, draft, preview), queued }, services.config.panel.timezone));
  if (!json) printPreview(ctx, draft, preview);
  if (people === 0) {
    if (json) printJson(null);
    ctx.err('panelbot: nobody in this audience: nothing sent.');
    return has(ctx.args, 'dry-run') ? 0 : 1;
  }
  if (has(ctx.args, 'dry-run')) {
    if (json) printJson(null);
    return 0;
  }
  if (!has(ctx.args, 'yes')) {
    if (!(ctx.input ?? process.stdin).isTTY) {
      ctx.err('panelbot: not sent: add --yes to send (panelbot asks only on a terminal), or --dry-run for the preview alone.');
      return 1;
    }
    if (!(await confirmed(ctx, people))) {
      ctx.err('panelbot: not sent.');
      return 1;
    }
  }
  const actor = operator();
  const id = saveDraft(services, draft, actor);
  const result = queueBroadcast(services, id, actor);
  if (!result.ok) {
    // Someone joined the audience meanwhile in a language without a text, or the same draft went twice.
    ctx.err(`panelbot: broadcast #${id} not sent: ${result.problem?.kind === 'missing_languages' ? `no text in ${result.problem.languages.join(', ')} (someone joined the audience meanwhile)` : result.reason}`);
    return 1;
  }
  if (json) printJson({ broadcast: id, messages: result.queued });
  else ctx.out(`Broadcast #${id} queued: ${plural(result.queued, 'message')}. The running panelbot (serve) sends them at each channel's pace; "panelbot outbox status" shows how far it is.`);
  return 0;
}
