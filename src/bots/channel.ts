// The contract every channel adapter implements, and how a channel is registered.
//
// An adapter translates and decides nothing. For each message a person sends it:
//   1. turns the platform update into one Inbound and calls `engine.submit(inbound)` (with where
//      the message sits in the chat, `order`, or the time the platform says it was sent, `sentAt`,
//      when the platform gives either);
//   2. sends the replies in order, and after each one the platform accepted calls
//      `engine.replySent(inbound, reply, platformMessageId, platformSentAt?)` (a redelivery after a
//      crash then brings only the replies not sent yet; the id or time tells the core which
//      question the person had seen);
//   3. once all went out, calls `engine.delivered(inbound)` (a redelivery is answered with nothing).
// For what panelbot sends later (reminders, the draw's outcome, organisers' replies) it gives the
// outbox a ChannelSender (send, isReady): the dispatcher marks a row sent only when send() says
// the platform accepted it. At stop it flushes the engine's pending confirmations
// (`engine.flushDeliveries()`).
import type { App } from '../app';
import type { Settings } from '../config/settings';
import type { Engine } from '../core/conversation/engine';
import type { ChannelSender } from '../core/outbox/ports';

/** What an adapter may call on the conversation core (steps 1-3 above). */
export type ConversationPort = Pick<Engine, 'submit' | 'replySent' | 'delivered' | 'flushDeliveries'>;

/** Where a channel says what it is doing (start-up lines, the QR code): standard error. */
export interface Reporter {
  err(line: string): void;
}

/** A started channel. */
export interface RunningChannel {
  /** How it is named in the start-up line ("telegram", "slack (socket)"). */
  readonly name: string;
  /** How the outbox sends to people on it. Slack, for organisers, sends nothing to citizens: none. */
  readonly sender?: ChannelSender;
  /** Where people open it, when it is a web page. */
  readonly url?: string;
  /** Stops receiving, lets what is in flight finish, and flushes the engine's confirmations. */
  stop(): Promise<void>;
}

/** One entry of the channel list (src/bots/channels.ts). */
export interface ChannelDefinition {
  id: string;
  /** Whether its settings are present: then `npm start` runs it. */
  configured(settings: Settings): boolean;
  /** Connects and starts receiving; resolves once it can send. Loads its platform library only here. */
  start(app: App, settings: Settings, reporter: Reporter): Promise<RunningChannel>;
}
