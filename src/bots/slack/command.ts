// The /panel slash command: stats, find, logistics, broadcast. Organisers only; every use audited.
import type { App as BoltApp } from '@slack/bolt';
import { computeStats, formatStats } from '../../core/organisers/stats';
import { shortfallOf } from '../../core/organisers/shortfall-of-panel';
import { formatShortfall, type ShortfallReport } from '../../core/organisers/shortfall';
import { findPeople, formatFound } from '../../core/organisers/find-person';
import { audit } from '../../db/repos/audit';
import { describeCheckIn, organiserCheckIn } from '../../core/attendance/organiser-checkin';
import { computeSurveyReport, formatSurveyReport } from '../../core/followup/survey-report';
import type { WebClient } from '@slack/web-api';
import type { Services } from '../../core/conversation/flow';
import { REFUSAL, type Organisers } from './organisers';
import { composeView } from './broadcast';
import { escapeMrkdwn } from './format';
import { lastDrawReport } from '../../core/selection/draw-report';
import { formatFairnessReport, type FairnessReport } from '../../core/selection/draw/fairness';
import { eventNames } from '../../core/panel/calendar';

/** The logistics report for an event (src/core/needs/logistics.ts, when present): text, or undefined for an unknown event. */
export type LogisticsReport = (eventId: string) => string | undefined;

export const USAGE = [
  '`/panel stats`: registrations, response rate, the pool against the targets, shortfalls (with a chart), the draw',
  '`/panel find <code, pseudonym or name>`: find a person',
  '`/panel logistics <event>`: meals, childcare, hotel nights, companions for an event',
  '`/panel checkin <event> <pseudonym> [day]`: mark someone present on an event day',
  '`/panel survey`: the questionnaires before and after, with the chart',
  '`/panel draw report`: the fairness report of the built-in draw, with its chart',
  '`/panel broadcast`: write to an audience in every panel language',
].join('\n');

const block = (text: string) => `\`\`\`\n${text}\n\`\`\``;

export function registerPanelCommand(bolt: BoltApp, services: Services, organisers: Organisers, logistics?: LogisticsReport): void {
  const { db, config, clock } = services;
  bolt.command('/panel', async ({ command, ack, client }) => {
    if (!(await organisers.isOrganiser(command.user_id))) {
      await ack({ response_type: 'ephemeral', text: REFUSAL });
      return;
    }
    const actor = `slack:${command.user_id}`;
    const [sub = '', ...rest] = command.text.trim().split(/\s+/);
    const arg = rest.join(' ');
    const reply = (text: string) => ack({ response_type: 'ephemeral', text });
    switch (sub.toLowerCase()) {
      case 'stats': {
        audit(db, actor, 'stats', null, clock.now());
        const shortfall = shortfallOf(db, config, clock.now());
        await reply(block(`${formatStats(computeStats(db, config))}\n\n${formatShortfall(shortfall)}`));
        // The shortfall chart follows the table as a file, like the questionnaire's.
        void postShortfallChart(client as unknown as WebClient, command.channel_id, shortfall, config.panel.name.en).catch((err: Error) =>
          services.log.warn({ err: { name: err.name, message: err.message } }, 'slack: shortfall chart not posted'),
        );
        return;
      }
      case 'find': {
        if (!arg) return reply('Usage: `/panel find <code, pseudonym or name>`');
        const found = findPeople(db, arg);
        // The target holds pseudonyms, never the name that was searched for.
        audit(db, actor, 'find', found.map((p) => p.pseudonym).join(',') || null, clock.now());
        await reply(escapeMrkdwn(formatFound(found)));
        return;
      }
      case 'logistics': {
        const ids = eventNames(config).map((e) => e.id).join(', ');
        if (!logistics) return reply('Logistics is not available yet in this panelbot.');
        if (!arg) return reply(`Usage: \`/panel logistics <event>\` (events: ${ids})`);
        const report = logistics(arg);
        if (report === undefined) return reply(`No event "${escapeMrkdwn(arg)}". Events: ${ids}`);
        audit(db, actor, 'logistics', `event:${arg}`, clock.now());
        await reply(block(report));
        return;
      }
      case 'checkin': {
        const [eventId, pseudonym, day] = rest;
        if (!eventId || !pseudonym) return reply('Usage: `/panel checkin <event> <pseudonym> [YYYY-MM-DD]`');
        const result = organiserCheckIn(services, { eventId, pseudonym: pseudonym.toUpperCase(), ...(day ? { day } : {}), actor });
        await reply(escapeMrkdwn(describeCheckIn(result, eventId, pseudonym.toUpperCase())));
        return;
      }
      case 'survey': {
        audit(db, actor, 'survey_report', null, clock.now());
        await reply(block(formatSurveyReport(computeSurveyReport(db, config))));
        // Drawing the chart takes a moment: it follows the table as a file in the same channel.
        void postSurveyChart(client as unknown as WebClient, command.channel_id, services).catch((err: Error) =>
          services.log.warn({ err: { name: err.name, message: err.message } }, 'slack: survey chart not posted'),
        );
        return;
      }
      case 'draw': {
        if (arg.toLowerCase() !== 'report') return reply('Usage: `/panel draw report` (the draw itself runs from the terminal: `npx panelbot draw`)');
        const report = lastDrawReport(db);
        if (!report) return reply('No built-in draw is recorded yet (`npx panelbot draw` runs it).');
        audit(db, actor, 'draw_report', null, clock.now());
        await reply(block(formatFairnessReport(report)));
        void postDrawChart(client as unknown as WebClient, command.channel_id, report).catch((err: Error) =>
          services.log.warn({ err: { name: err.name, message: err.message } }, 'slack: draw chart not posted'),
        );
        return;
      }
      case 'broadcast': {
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: composeView(config) });
        return;
      }
      default:
        await reply(USAGE);
    }
  });
}

async function postSurveyChart(client: WebClient, channel: string, services: Services): Promise<void> {
  // Vega and resvg load only when a chart is asked for.
  const { surveyChartPng } = await import('../../core/followup/survey-chart');
  const png = await surveyChartPng(services.db, services.config);
  await client.files.uploadV2({ channel_id: channel, file: png, filename: 'questionnaire-before-after.png', title: 'Questionnaire: before and after' });
}

async function postShortfallChart(client: WebClient, channel: string, report: ShortfallReport, panelName: string): Promise<void> {
  const { shortfallChartPng } = await import('../../core/organisers/shortfall-chart');
  const png = await shortfallChartPng(report, panelName);
  await client.files.uploadV2({ channel_id: channel, file: png, filename: 'registrations-shortfall.png', title: "Registrations against the draw's needs" });
}

async function postDrawChart(client: WebClient, channel: string, report: FairnessReport): Promise<void> {
  const { fairnessChartPng } = await import('../../core/selection/draw/fairness-chart');
  const png = await fairnessChartPng(report);
  await client.files.uploadV2({ channel_id: channel, file: png, filename: 'draw-chances-by-stratum.png', title: 'The draw: chance of selection by stratum' });
}
