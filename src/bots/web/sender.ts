// The ChannelSender for the web chat: an outbox message goes to the pages a session has open, as a
// server-sent event. With no page open the session cannot be reached now (isReadyFor), so the
// row waits and is shown at the next visit (as the terminal chat does), or goes to the person's
// other reachable address.
import type { ServerResponse } from 'node:http';
import type { Outbound } from '../../core/conversation/messages';
import type { ChannelSender, DeliveryResult } from '../../core/outbox/ports';
import { ReadySwitch } from '../ready-switch';
import { toWire } from './wire';

export class WebSender extends ReadySwitch implements ChannelSender {
  readonly channel = 'web' as const;
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private total = 0;

  get openStreams(): number {
    return this.total;
  }

  /** A page opened its live stream; returns the function that detaches it. */
  attach(userId: string, stream: ServerResponse): () => void {
    let set = this.streams.get(userId);
    if (!set) this.streams.set(userId, (set = new Set()));
    set.add(stream);
    this.total++;
    return () => {
      if (!set.delete(stream)) return;
      this.total--;
      if (set.size === 0 && this.streams.get(userId) === set) this.streams.delete(userId);
    };
  }

  isReadyFor(userId: string): boolean {
    return this.streams.has(userId);
  }

  async send(userId: string, message: Outbound): Promise<DeliveryResult> {
    const open = [...(this.streams.get(userId) ?? [])].filter((s) => !s.writableEnded && !s.destroyed);
    if (open.length === 0) return { ok: false, permanent: false, reason: 'no web page open for this session' };
    const event = `event: message\ndata: ${JSON.stringify(toWire(message))}\n\n`;
    for (const stream of open) stream.write(event);
    return { ok: true };
  }

  /** Ends every stream (at stop): the pages reconnect to whichever process serves next. */
  closeAll(): void {
    for (const set of this.streams.values()) for (const stream of set) stream.end();
    this.streams.clear();
    this.total = 0;
  }
}
