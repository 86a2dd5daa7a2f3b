// Broadcasts from organisers (Slack's /panel broadcast and `panelbot broadcast`): an audience, a text
// in every language read in it, a preview (how many people in which language, on which channel),
// then one outbox row per person in their language (kind 'broadcast').
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/client';
import { broadcastAudience, broadcastRow, insertBroadcast, markBroadcastQueued, type BroadcastMember } from '../../db/repos/organisers';
import { addressesOf } from '../../db/repos/people';
import { enqueue } from '../../db/repos/outbox';
import { audit } from '../../db/repos/audit';
import type { Services } from '../conversation/flow';
import { LANGUAGES, type Language, type PanelConfig } from '../panel/config';
import { eventNames } from '../panel/calendar';

export const BROADCAST_AUDIENCES = ['registrants', 'selected', 'reserves', 'attendees'] as const;
export type BroadcastAudience = (typeof BROADCAST_AUDIENCES)[number];

export interface BroadcastDraft {
  audience: BroadcastAudience;
  /** For attendees: which event. */
  eventId?: string;
  texts: Partial<Record<Language, string>>;
  /** Also to people who asked for essential messages only. */
  essential: boolean;
}

export interface BroadcastPreview {
  /** People who will get it. */
  total: number;
  /** Of those, by the channel they are reached on now. */
  perChannel: Record<string, number>;
  /** Of those who get a message (reachable now or not), by the language they read it in. */
  perLanguage: Partial<Record<Language, number>>;
  /** In the audience but with no reachable channel (their message waits in the outbox). */
  unreachable: number;
  /** In the audience but asked for essential messages only (left out of a non-essential broadcast). */
  essentialOnly: number;
}

export type DraftProblem = { kind: 'missing_languages'; languages: Language[] } | { kind: 'unknown_event' } | { kind: 'unknown_audience' };

/**
 * The language a member reads the broadcast in: their own, or the panel's first when they never
 * chose one. A broadcast is refused while one of these has no text, so nobody gets it in a
 * language they did not choose.
 */
export function readingLanguage(config: PanelConfig, member: Pick<BroadcastMember, 'language'>): Language {
  return (LANGUAGES as readonly string[]).includes(member.language ?? '') ? (member.language as Language) : config.panel.languages[0]!;
}

/** The members who get a message: everyone in the audience but, unless essential, those who asked for essential messages only. */
function recipients(db: Db, draft: Pick<BroadcastDraft, 'audience' | 'eventId' | 'essential'>): BroadcastMember[] {
  return audienceMembers(db, draft.audience, draft.eventId).filter((m) => draft.essential || !m.essentialOnly);
}

/** The languages read in the audience that have no text (in the panel's order). */
export function missingLanguages(db: Db, config: PanelConfig, draft: Pick<BroadcastDraft, 'audience' | 'eventId' | 'essential' | 'texts'>): Language[] {
  const read = new Set(recipients(db, draft).map((m) => readingLanguage(config, m)));
  return [...new Set<Language>([...config.panel.languages, ...LANGUAGES])].filter((lng) => read.has(lng) && !draft.texts[lng]?.trim());
}

export function checkDraft(db: Db, config: PanelConfig, draft: BroadcastDraft): DraftProblem | undefined {
  if (!(BROADCAST_AUDIENCES as readonly string[]).includes(draft.audience)) return { kind: 'unknown_audience' };
  if (draft.audience === 'attendees' && !eventNames(config).some((e) => e.id === draft.eventId)) return { kind: 'unknown_event' };
  const missing = missingLanguages(db, config, draft);
  return missing.length ? { kind: 'missing_languages', languages: missing } : undefined;
}

/** Active people in the audience. */
export function audienceMembers(db: Db, audience: BroadcastAudience, eventId?: string): BroadcastMember[] {
  return broadcastAudience(db, audience, eventId);
}

export function previewBroadcast(db: Db, config: PanelConfig, draft: Pick<BroadcastDraft, 'audience' | 'eventId' | 'essential'>): BroadcastPreview {
  const preview: BroadcastPreview = { total: 0, perChannel: {}, perLanguage: {}, unreachable: 0, essentialOnly: 0 };
  for (const m of audienceMembers(db, draft.audience, draft.eventId)) {
    if (!draft.essential && m.essentialOnly) {
      preview.essentialOnly++;
      continue;
    }
    const lng = readingLanguage(config, m);
    preview.perLanguage[lng] = (preview.perLanguage[lng] ?? 0) + 1;
    const best = addressesOf(db, m.personId).find((a) => a.reachable);
    if (!best) {
      preview.unreachable++;
      continue;
    }
    preview.total++;
    preview.perChannel[best.channel] = (preview.perChannel[best.channel] ?? 0) + 1;
  }
  // In the panel's order of languages, as the texts are asked.
  const order = [...new Set<Language>([...config.panel.languages, ...LANGUAGES])];
  preview.perLanguage = Object.fromEntries(order.filter((l) => preview.perLanguage[l]).map((l) => [l, preview.perLanguage[l]]));
  return preview;
}

/** Saves a checked draft for the preview; returns its id. */
export function saveDraft(services: Services, draft: BroadcastDraft, actor: string): number {
  const { db, clock } = services;
  const now = clock.now();
  return inTransaction(db, () => {
    const id = insertBroadcast(db, { audience: draft.audience, eventId: draft.eventId ?? null, texts: JSON.stringify(draft.texts), essential: draft.essential, createdBy: actor, createdAt: now });
    audit(db, actor, 'broadcast.preview', `broadcast:${id}`, now);
    return id;
  });
}

export function getDraft(db: Db, id: number): (BroadcastDraft & { id: number; status: string }) | undefined {
  const row = broadcastRow(db, id);
  if (!row) return undefined;
  return { id: row.id, status: row.status, audience: row.audience as BroadcastAudience, eventId: row.eventId ?? undefined, texts: JSON.parse(row.texts), essential: row.essential };
}

export type QueueResult = { ok: true; queued: number } | { ok: false; reason: 'not_found' | 'already_queued' | 'invalid'; problem?: DraftProblem };

/** Queues a previewed broadcast: one outbox row per person reached, in their language. */
export function queueBroadcast(services: Services, id: number, actor: string): QueueResult {
  const { db, clock, config, log } = services;
  return inTransaction(db, () => {
    const draft = getDraft(db, id);
    if (!draft) return { ok: false, reason: 'not_found' };
    if (draft.status !== 'draft') return { ok: false, reason: 'already_queued' };
    // Checked again here: someone may have joined the audience in a language without a text.
    const problem = checkDraft(db, config, draft);
    if (problem) return { ok: false, reason: 'invalid', problem };
    const now = clock.now();
    let queued = 0;
    for (const m of recipients(db, draft)) {
      const lng = readingLanguage(config, m);
      const added = enqueue(
        db,
        {
          personId: m.personId,
          kind: 'broadcast',
          payload: { outbound: { text: draft.texts[lng]!.trim() } },
          dueAt: now,
          idempotencyKey: `broadcast:${id}:${m.personId}`,
          essential: draft.essential,
        },
        now,
      );
      if (added) queued++;
    }
    markBroadcastQueued(db, id, actor, now, queued);
    audit(db, actor, 'broadcast.queue', `broadcast:${id}`, now);
    log.info({ broadcast: id, queued }, 'broadcast queued');
    return { ok: true, queued };
  });
}
