// A panel with the organisers' Slack app in HTTP mode on 127.0.0.1, talking to a fake Slack Web API.
import { testPanel, type TestPanel } from '../helpers/chat';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-web-api';
import { logisticsCountsText } from '../../src/core/needs/logistics';
import { startSlack, type RunningSlack } from '../../src/bots/slack/app';
import { SlackSender } from './signed';

export const SECRET = 'test-signing-secret';
/** UORG1 is named in SLACK_ORGANISERS; UORG2 is in the user group SDUTY; UVISITOR is neither. */
export const ORGANISERS = 'UORG1,SDUTY';

export interface SlackTest {
  panel: TestPanel;
  fake: FakeSlack;
  slack: RunningSlack;
  send: SlackSender;
  close(): Promise<void>;
}

export async function slackTest(options: { now?: string } = {}): Promise<SlackTest> {
  const fake = await startFakeSlack();
  fake.groups.SDUTY = ['UORG2'];
  const panel = testPanel({ now: options.now });
  const slack = await startSlack(panel.app.services, {
    botToken: 'xoxb-test',
    signingSecret: SECRET,
    port: 0,
    apiUrl: fake.url,
    helplineChannel: 'CHELP',
    alertsChannel: 'CALERT',
    organisers: ORGANISERS,
    pollMs: 0,
    processBeforeResponse: true,
    logistics: logisticsCountsText(panel.app.db, panel.app.services.config),
  });
  return {
    panel,
    fake,
    slack,
    send: new SlackSender(slack.port!, SECRET),
    async close() {
      await slack.stop();
      await fake.close();
      panel.close();
    },
  };
}

/** The text of a Slack message with blocks, as one string (what an organiser reads). */
export function shown(args: { text?: string; blocks?: Array<{ text?: { text: string }; elements?: Array<{ text?: { text: string } | string }> }> }): string {
  const parts = [args.text ?? ''];
  for (const b of args.blocks ?? []) {
    if (b.text) parts.push(b.text.text);
    for (const e of b.elements ?? []) parts.push(typeof e.text === 'string' ? e.text : (e.text?.text ?? ''));
  }
  return parts.join('\n');
}
