// Channels are registered from one list (src/bots/channels.ts) and implement one contract
// (src/bots/channel.ts): startChannels starts those whose settings are present, hands their
// senders to the scheduler, and stops them in reverse order.
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, startChannels } from '../../src/bots/channels';
import type { ChannelDefinition } from '../../src/bots/channel';
import { readSettings } from '../../src/config/settings';
import { testPanel } from '../helpers/chat';

const saved = [...CHANNELS];
afterEach(() => CHANNELS.splice(0, CHANNELS.length, ...saved));

describe('the channel list', () => {
  it('names each channel once', () => {
    const ids = CHANNELS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['telegram', 'whatsapp', 'web', 'slack']));
  });

  it('starts the configured channels of the list, gives their senders to the scheduler and stops them', async () => {
    const { app } = testPanel();
    const events: string[] = [];
    const fake = (id: string, configured: boolean): ChannelDefinition => ({
      id,
      configured: () => configured,
      async start() {
        events.push(`start ${id}`);
        return { name: id, sender: { channel: 'console', isReady: () => true, send: async () => ({ ok: true }) }, stop: async () => void events.push(`stop ${id}`) };
      },
    });
    CHANNELS.splice(0, CHANNELS.length, fake('one', true), fake('off', false), fake('two', true));
    const running = await startChannels(app, readSettings({}), { err: () => {} });
    expect(running.names).toEqual(['one', 'two']);
    expect(running.senders).toHaveLength(2);
    await running.stop();
    expect(events).toEqual(['start one', 'start two', 'stop two', 'stop one']);
    app.close();
  });
});
