// /panel stats: the shortfalls follow the numbers, and their chart is posted as a PNG in the channel.
import { afterEach, describe, expect, it } from 'vitest';
import { seedCohort } from '../helpers/cohort';
import { slackTest, type SlackTest } from './setup';

let t: SlackTest;
afterEach(async () => t?.close());

describe('/panel stats', () => {
  it('shows the shortfalls against the draw’s needs and posts their chart', async () => {
    t = await slackTest({ now: '2027-01-20T10:00:00+01:00' });
    seedCohort(t.panel.app.db, 200, t.panel.clock.now());
    const text = (await t.send.command('UORG1', 'stats')).json().text as string;
    expect(text).toContain('Registrations: 200');
    expect(text).toContain("Shortfalls: aim 5 registrants per seat of each quota's minimum; projection at the close (12 day(s) left)");
    expect(text).toMatch(/Extra letters suggested: /);
    const until = Date.now() + 30_000;
    while (!t.fake.called('files.completeUploadExternal').length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const [upload] = t.fake.called('upload');
    const bytes = upload!.args.bytes as Buffer;
    expect(bytes.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeGreaterThanOrEqual(0);
    expect(t.fake.called('files.completeUploadExternal')[0]!.args.channel_id).toBe('CHELP');
  }, 180_000);
});
