// Broadcasts from organisers: an audience, the text in every panel language, a preview (how many
// people on which channel), then one outbox row per person in their language (kind 'broadcast').
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/client';
import { broadcastAudience, broadcastRow, insertBroadcast, markBroadcastQueued, type BroadcastMember } from '../../db/repos/organisers';
import { addressesOf } from '../../db/repos/people';
import { enqueue } from '../../db/repos/outbox';
import { audit } from '../../db/repos/audit';
import type { Services } from '../conversation/flow';
import type { Language, PanelConfig } from '../panel/config';
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
  /** In the audience but with no reachable channel. */
  unreachable: number;
  /** In the audience but asked for essential messages only (left out of a non-essential broadcast). */
  essentialOnly: number;
}

export type DraftProblem = { kind: 'missing_languages'; languages: Language[] } | { kind: 'unknown_event' } | { kind: 'unknown_audience' };

/** The panel languages without a text: a broadcast is refused while one is missing. */
export function missingLanguages(config: PanelConfig, texts: Partial<Record<Language, string>>): Language[] {
  return config.panel.languages.filter((lng) => !texts[lng]?.trim());
}

export function checkDraft(config: PanelConfig, draft: BroadcastDraft): DraftProblem | undefined {
  if (!(BROADCAST_AUDIENCES as readonly string[]).includes(draft.audience)) return { kind: 'unknown_audience' };
  if (draft.audience === 'attendees' && !eventNames(config).some((e) => e.id === draft.eventId)) return { kind: 'unknown_event' };
  const missing = missingLanguages(config, draft.texts);
  return missing.length ? { kind: 'missing_languages', languages: missing } : undefined;
}

/** Active people in the audience. */
export function audienceMembers(db: Db, audience: BroadcastAudience, eventId?: string): BroadcastMember[] {
  return broadcastAudience(db, audience, eventId);
}

export function previewBroadcast(db: Db, draft: Pick<BroadcastDraft, 'audience' | 'eventId' | 'essential'>): BroadcastPreview {
  const preview: BroadcastPreview = { total: 0, perChannel: {}, unreachable: 0, essentialOnly: 0 };
  for (const m of audienceMembers(db, draft.audience, draft.eventId)) {
    if (!draft.essential && m.essentialOnly) {
      preview.essentialOnly++;
      continue;
    }
    const best = addressesOf(db, m.personId).find((a) => a.reachable);
    if (!best) {
      preview.unreachable++;
      continue;
    }
    preview.total++;
    preview.perChannel[best.channel] = (preview.perChannel[best.channel] ?? 0) + 1;
  }
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
    const problem = checkDraft(config, draft);
    if (problem) return { ok: false, reason: 'invalid', problem };
    const now = clock.now();
    const fallback = config.panel.languages[0]!;
    let queued = 0;
    for (const m of audienceMembers(db, draft.audience, draft.eventId)) {
      if (!draft.essential && m.essentialOnly) continue;
      const lng = (m.language && draft.texts[m.language as Language]?.trim() ? m.language : fallback) as Language;
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
