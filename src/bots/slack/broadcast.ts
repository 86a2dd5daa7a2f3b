// The broadcast modal: audience, the text in every panel language (refused while one read in the audience is missing),
// a preview with the number of people per channel, then confirm. Queued by the core through the outbox.
import { DEFAULT_PACE, estimateBroadcast, type PaceOptions } from '../whatsapp/pace';
import type { App as BoltApp, ViewOutput, types } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import { BROADCAST_AUDIENCES, checkDraft, getDraft, previewBroadcast, queueBroadcast, saveDraft, type BroadcastAudience, type BroadcastDraft } from '../../core/organisers/broadcast';
import type { Services } from '../../core/conversation/flow';
import type { Language, PanelConfig } from '../../core/panel/config';
import { REFUSAL, type Organisers } from './organisers';
import { escapeMrkdwn, quote } from './format';
import { eventNames } from '../../core/panel/calendar';

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };
const AUDIENCE_NAMES: Record<BroadcastAudience, string> = {
  registrants: 'All registrants',
  selected: 'Selected participants',
  reserves: 'Reserves',
  attendees: "An event's attendees",
};
const plain = (text: string) => ({ type: 'plain_text' as const, text });

export function composeView(config: PanelConfig): types.View {
  const blocks: types.KnownBlock[] = [
    {
      type: 'input',
      block_id: 'audience',
      label: plain('Audience'),
      element: {
        type: 'static_select',
        action_id: 'value',
        options: BROADCAST_AUDIENCES.map((a) => ({ text: plain(AUDIENCE_NAMES[a]), value: a })),
      },
    },
    {
      type: 'input',
      block_id: 'event',
      optional: true,
      label: plain('Event (for its attendees)'),
      element: { type: 'static_select', action_id: 'value', options: eventNames(config).map((e) => ({ text: plain(e.title.en.slice(0, 75)), value: e.id })) },
    },
    // Optional for Slack so that panelbot itself says which language is missing.
    ...config.panel.languages.map(
      (lng): types.KnownBlock => ({
        type: 'input',
        block_id: `text_${lng}`,
        optional: true,
        label: plain(`Text in ${LANGUAGE_NAMES[lng]}`),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1500 },
      }),
    ),
    {
      type: 'input',
      block_id: 'essential',
      optional: true,
      label: plain('Essential'),
      element: { type: 'checkboxes', action_id: 'value', options: [{ text: plain('Also to people who asked for essential messages only'), value: 'yes' }] },
    },
  ];
  return { type: 'modal', callback_id: 'broadcast_compose', title: plain('Broadcast'), submit: plain('Preview'), close: plain('Cancel'), blocks };
}

type StateValue = { selected_option?: { value: string } | null; value?: string | null; selected_options?: Array<{ value: string }> };

export function draftFromView(config: PanelConfig, view: ViewOutput): BroadcastDraft {
  const values = view.state.values as Record<string, Record<string, StateValue>>;
  const get = (block: string) => values[block]?.value;
  const texts: Partial<Record<Language, string>> = {};
  for (const lng of config.panel.languages) {
    const text = get(`text_${lng}`)?.value?.trim();
    if (text) texts[lng] = text;
  }
  return {
    audience: (get('audience')?.selected_option?.value ?? '') as BroadcastAudience,
    eventId: get('event')?.selected_option?.value ?? undefined,
    texts,
    essential: (get('essential')?.selected_options ?? []).some((o) => o.value === 'yes'),
  };
}

function previewView(config: PanelConfig, id: number, draft: BroadcastDraft, preview: ReturnType<typeof previewBroadcast>, whatsappPace: PaceOptions = DEFAULT_PACE): types.View {
  const channels = Object.entries(preview.perChannel).map(([c, n]) => `${c} ${n}`).join(', ') || 'none';
  const languages = Object.entries(preview.perLanguage).map(([l, n]) => `${l} ${n}`).join(', ') || 'none';
  const event = draft.audience === 'attendees' ? ` of ${escapeMrkdwn(eventNames(config).find((e) => e.id === draft.eventId)?.title.en ?? '')}` : '';
  // WhatsApp goes at a human pace to avoid a ban: say how long that takes.
  const onWhatsApp = preview.perChannel.whatsapp ?? 0;
  const duration = onWhatsApp > 1 ? whatsappDuration(estimateBroadcast(onWhatsApp, whatsappPace)) : '';
  const left = [
    preview.unreachable ? `${preview.unreachable} not reachable on any channel` : '',
    preview.essentialOnly ? `${preview.essentialOnly} asked for essential messages only (not sent)` : '',
  ].filter(Boolean);
  return {
    type: 'modal',
    callback_id: 'broadcast_confirm',
    private_metadata: String(id),
    title: plain('Broadcast: preview'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${AUDIENCE_NAMES[draft.audience]}${event}: ${preview.total} people*\nBy language: ${languages}\nBy channel: ${channels}${duration}${left.length ? `\nLeft out: ${left.join('; ')}` : ''}${draft.essential ? '\nMarked essential.' : ''}`,
        },
      },
      ...config.panel.languages.map((lng): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `*${LANGUAGE_NAMES[lng]}*\n${quote(draft.texts[lng] ?? '')}` } })),
    ],
  };
}

export function registerBroadcast(bolt: BoltApp, services: Services, organisers: Organisers, announceChannel: string | undefined, whatsappPace: PaceOptions = DEFAULT_PACE): void {
  const { config } = services;

  bolt.view('broadcast_compose', async ({ ack, body, view }) => {
    if (!(await organisers.isOrganiser(body.user.id))) {
      await ack({ response_action: 'errors', errors: { audience: REFUSAL } });
      return;
    }
    const draft = draftFromView(config, view);
    const problem = checkDraft(services.db, config, draft);
    if (problem) {
      const errors: Record<string, string> =
        problem.kind === 'missing_languages'
          ? Object.fromEntries(problem.languages.map((lng) => [`text_${lng}`, `The text in ${LANGUAGE_NAMES[lng]} is missing: people in this audience read ${LANGUAGE_NAMES[lng]}.`]))
          : problem.kind === 'unknown_event'
            ? { event: 'Choose the event whose attendees should get it.' }
            : { audience: 'Choose an audience.' };
      await ack({ response_action: 'errors', errors });
      return;
    }
    const id = saveDraft(services, draft, `slack:${body.user.id}`);
    await ack({ response_action: 'update', view: previewView(config, id, draft, previewBroadcast(services.db, config, draft), whatsappPace) });
  });

  bolt.view('broadcast_confirm', async ({ ack, body, view, client }) => {
    const user = body.user.id;
    if (!(await organisers.isOrganiser(user))) {
      await ack({ response_action: 'errors', errors: {} });
      return;
    }
    const id = Number(view.private_metadata);
    const result = queueBroadcast(services, id, `slack:${user}`);
    await ack({ response_action: 'clear' });
    const draft = getDraft(services.db, id);
    const text = result.ok
      ? `:mega: Broadcast #${id} to ${draft ? AUDIENCE_NAMES[draft.audience].toLowerCase() : '?'} queued by <@${user}>: ${result.queued} messages.`
      : `Broadcast #${id} was not queued (${result.reason}).`;
    await (client as webApi.WebClient).chat.postMessage({ channel: announceChannel ?? user, text });
  });
}

function whatsappDuration(estimate: { typicalMs: number; atMostMs: number }): string {
  const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
  return `\nOn WhatsApp this takes about ${minutes(estimate.typicalMs)} min (at most ${minutes(estimate.atMostMs)} min), paced to avoid a ban.`;
}
