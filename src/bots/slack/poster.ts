// Brings Slack up to date with the store, one tick at a time: new tickets as messages in the
// helpline channel, citizens' follow-ups in their threads, ticket messages updated when the status
// changes, nudges for tickets left waiting, and alerts in the alerts channel. Time comes from the
// injected clock, so tests call tick() directly.
import fs from 'node:fs';
import path from 'node:path';
import type { webApi } from '@slack/bolt';
import { inTransaction } from '../../db/client';
import { markAlertPosted, unpostedAlerts } from '../../db/repos/alerts';
import {
  firstQuestion,
  markRelayed,
  organiserMessagesNotInSlack,
  setMessageSource,
  postedTickets,
  ticketMessagesOf,
  unpostedTickets,
  unrelayedCitizenMessages,
  updateTicket,
  waitingTickets,
  getTicket,
} from '../../db/repos/tickets';
import { describeAlert } from '../../core/organisers/alert-text';
import type { Services } from '../../core/conversation/flow';
import type { Organisers } from './organisers';
import { actorLabel, escapeMrkdwn, shownState, ticketMessage } from './format';

/** The picture an alert's payload names, when the file is still there (a login QR code is removed once logged in). */
function pictureOf(payloadJson: string): { bytes: Buffer; name: string } | undefined {
  try {
    const file = (JSON.parse(payloadJson) as { picture?: unknown }).picture;
    if (typeof file !== 'string' || !file.endsWith('.png')) return undefined;
    return { bytes: fs.readFileSync(file), name: path.basename(file) };
  } catch {
    return undefined;
  }
}

export interface PosterOptions {
  helplineChannel?: string;
  alertsChannel?: string;
}

export interface TickReport {
  posted: number;
  followUps: number;
  /** Answers and notes written in the terminal, copied to their thread. */
  copied: number;
  updated: number;
  nudged: number;
  alerts: number;
  failures: number;
}

export class SlackPoster {
  private running?: Promise<TickReport>;

  constructor(
    private readonly services: Services,
    private readonly client: webApi.WebClient,
    private readonly organisers: Organisers,
    private readonly options: PosterOptions,
  ) {}

  /** One pass; a tick asked for while one runs waits for it instead of posting twice. */
  tick(): Promise<TickReport> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<TickReport> {
    const report: TickReport = { posted: 0, followUps: 0, copied: 0, updated: 0, nudged: 0, alerts: 0, failures: 0 };
    if (this.options.helplineChannel) {
      await this.postNewTickets(this.options.helplineChannel, report);
      await this.postFollowUps(report);
      await this.postTerminalAnswers(report);
      await this.updateChanged(report);
      await this.nudge(report);
    }
    if (this.options.alertsChannel) await this.postAlerts(this.options.alertsChannel, report);
    return report;
  }

  /** Runs one Slack call; a failure is logged (without content) and retried at the next tick. */
  private async attempt(report: TickReport, what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      report.failures++;
      const e = err as { code?: string; data?: { error?: string } };
      this.services.log.warn({ what, code: e.code, error: e.data?.error }, 'slack: post failed');
    }
  }

  /** Who to call for a ticket: its claimer if claimed in Slack, else the organisers on duty. */
  private callFor(claimedBy: string | null): string {
    return claimedBy?.startsWith('slack:') ? actorLabel(claimedBy) : this.organisers.mention();
  }

  private async postNewTickets(channel: string, report: TickReport): Promise<void> {
    const { db, clock } = this.services;
    for (const ticket of unpostedTickets(db)) {
      await this.attempt(report, `ticket ${ticket.id}`, async () => {
        const first = firstQuestion(db, ticket.id);
        const message = ticketMessage(ticket, first?.text ?? '', ticket.urgent ? this.organisers.mention() : undefined);
        const res = await this.client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
        const now = clock.now();
        inTransaction(db, () => {
          updateTicket(db, ticket.id, { slackChannel: res.channel ?? channel, slackTs: res.ts!, slackShown: shownState(ticket) });
          if (first) markRelayed(db, [first.id], now);
        });
        report.posted++;
      });
    }
  }

  private async postFollowUps(report: TickReport): Promise<void> {
    const { db, clock } = this.services;
    for (const message of unrelayedCitizenMessages(db)) {
      await this.attempt(report, `message ${message.id}`, async () => {
        const ticket = getTicket(db, message.ticketId)!;
        const call = ticket.urgent && ticket.status === 'open' ? ` ${this.callFor(ticket.claimedBy)}` : '';
        await this.client.chat.postMessage({
          channel: message.slackChannel,
          thread_ts: message.slackTs,
          text: `*${ticket.pseudonym}:* ${escapeMrkdwn(message.text)}${call}`,
          unfurl_links: false,
          unfurl_media: false,
        });
        markRelayed(db, [message.id], clock.now());
        report.followUps++;
      });
    }
  }

  private async postTerminalAnswers(report: TickReport): Promise<void> {
    const { db } = this.services;
    for (const message of organiserMessagesNotInSlack(db)) {
      await this.attempt(report, `copy ${message.id}`, async () => {
        const label = message.author === 'note' ? ':memo: note' : ':outbox_tray: answer sent';
        const res = await this.client.chat.postMessage({
          channel: message.slackChannel,
          thread_ts: message.slackTs,
          text: `${label} by ${actorLabel(message.authorId)}:\n${escapeMrkdwn(message.text)}`,
          unfurl_links: false,
          unfurl_media: false,
        });
        setMessageSource(db, message.id, `slack:${res.channel ?? message.slackChannel}:${res.ts}`);
        report.copied++;
      });
    }
  }

  private async updateChanged(report: TickReport): Promise<void> {
    const { db } = this.services;
    for (const ticket of postedTickets(db)) {
      const shown = shownState(ticket);
      if (shown === ticket.slackShown) continue;
      await this.attempt(report, `update ${ticket.id}`, async () => {
        await this.refresh(ticket.id);
        report.updated++;
      });
    }
  }

  /** Rewrites a ticket's Slack message from the store (after an action or a change elsewhere, e.g. the CLI). */
  async refresh(ticketId: number): Promise<void> {
    const { db } = this.services;
    const ticket = getTicket(db, ticketId);
    if (!ticket?.slackChannel || !ticket.slackTs) return;
    const first = ticketMessagesOf(db, ticketId).find((m) => m.author === 'citizen');
    const message = ticketMessage(ticket, first?.text ?? '', ticket.urgent ? this.organisers.mention() : undefined);
    await this.client.chat.update({ channel: ticket.slackChannel, ts: ticket.slackTs, ...message });
    updateTicket(db, ticketId, { slackShown: shownState(ticket) });
  }

  private async nudge(report: TickReport): Promise<void> {
    const { db, clock, config } = this.services;
    const now = clock.now();
    const waitMs = config.helpline.nudgeAfterMinutes * 60_000;
    for (const ticket of waitingTickets(db)) {
      if (!ticket.lastCitizenAt || now.getTime() - ticket.lastCitizenAt.getTime() < waitMs) continue;
      await this.attempt(report, `nudge ${ticket.id}`, async () => {
        const minutes = Math.round((now.getTime() - ticket.lastCitizenAt!.getTime()) / 60_000);
        await this.client.chat.postMessage({
          channel: ticket.slackChannel!,
          thread_ts: ticket.slackTs!,
          reply_broadcast: ticket.urgent,
          text: `:alarm_clock: ${ticket.pseudonym} has been waiting ${minutes} minutes for an answer. ${this.callFor(ticket.claimedBy)}`.trim(),
        });
        updateTicket(db, ticket.id, { nudgedAt: now });
        report.nudged++;
      });
    }
  }

  private async postAlerts(channel: string, report: TickReport): Promise<void> {
    const { db, clock } = this.services;
    for (const alert of unpostedAlerts(db)) {
      await this.attempt(report, `alert ${alert.id}`, async () => {
        const text = describeAlert(alert.kind, alert.payload);
        const picture = pictureOf(alert.payload);
        // An alert with a picture (the WhatsApp login QR code) shows it: the file as it is now, so the current code.
        if (picture) await this.client.files.uploadV2({ channel_id: channel, file: picture.bytes, filename: picture.name, title: 'WhatsApp login QR code', initial_comment: text });
        else await this.client.chat.postMessage({ channel, text });
        markAlertPosted(db, alert.id, clock.now());
        report.alerts++;
      });
    }
  }
}
