// When WhatsApp needs a login and Slack is on, the organisers' alerts channel gets the QR code as a
// picture (uploaded through the Web API, here the fake on loopback), with how to get the current one:
// the WhatsApp adapter raises the alert with the picture's path, the Slack adapter shows it.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { slackTest, type SlackTest } from './setup';
import { waHarness, type WaHarness } from '../whatsapp/harness';

let t: SlackTest | undefined;
let h: WaHarness | undefined;
afterEach(async () => {
  await h?.wa.stop();
  await t?.close();
  h = t = undefined;
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('the WhatsApp login QR code in Slack', () => {
  it('is posted to the alerts channel as a picture, once per login, with the command that shows the current one', async () => {
    t = await slackTest();
    h = await waHarness({ slack: true, panel: t.panel });
    await h.emit('qr', '2@first,code');
    const png = /picture: (\S+login-qr\.png)/.exec(h.reported.join('\n'))![1]!;
    await until(() => fs.existsSync(png) && (fs.statSync(png).mode & 0o777) === 0o600);
    await h.emit('qr', '2@second,code');
    await new Promise((r) => setTimeout(r, 300));

    expect(await t.slack.poster.tick()).toMatchObject({ alerts: 1, failures: 0 });
    const [complete] = t.fake.called('files.completeUploadExternal');
    expect(complete!.args).toMatchObject({ channel_id: 'CALERT' });
    expect(complete!.args.initial_comment).toContain('WhatsApp needs a login: on the panel\'s phone open WhatsApp > Settings > Linked devices > Link a device and scan the QR code');
    expect(complete!.args.initial_comment).toContain('for the current one run `npx panelbot whatsapp qr` on the server');
    // The upload (a multipart body) holds the picture as it was when posted: the current code, a PNG.
    const [upload] = t.fake.called('upload');
    const picture = fs.readFileSync(png);
    expect(picture.subarray(1, 4).toString()).toBe('PNG');
    expect((upload!.args.bytes as Buffer).indexOf(picture)).toBeGreaterThan(0);
    // The code's text never goes to Slack.
    expect(JSON.stringify(t.fake.calls.filter((c) => c.method !== 'upload'))).not.toMatch(/first,code|second,code/);
    expect(t.fake.called('chat.postMessage')).toEqual([]);
    expect(await t.slack.poster.tick()).toMatchObject({ alerts: 0 });
  });

  it('is a message saying where to look when the picture is gone (logged in before the post)', async () => {
    t = await slackTest();
    h = await waHarness({ slack: true, panel: t.panel });
    await h.emit('qr', '2@code');
    const png = /picture: (\S+login-qr\.png)/.exec(h.reported.join('\n'))![1]!;
    await until(() => fs.existsSync(png));
    await new Promise((r) => setTimeout(r, 200));
    await h.connect();
    expect(fs.existsSync(png)).toBe(false);
    expect(await t.slack.poster.tick()).toMatchObject({ alerts: 1, failures: 0 });
    expect(t.fake.called('files.completeUploadExternal')).toEqual([]);
    expect(t.fake.called('chat.postMessage').map((c) => c.args.text as string)).toEqual([expect.stringContaining(`and as a picture: ${png}). It changes about every 20 seconds`)]);
  });
});
