// The only shapes that cross the line between the conversation core and a channel adapter.
// An adapter turns a platform update into one Inbound, and renders each Outbound it gets back.

// The channels and addresses are shared words (src/vocabulary.ts): the store names them too.
export { CITIZEN_CHANNELS, type ChannelAddress, type ChannelKind } from '../../vocabulary';
import type { ChannelAddress } from '../../vocabulary';

/** Things a person can send that panelbot does not read (it answers them politely). */
export type UnsupportedKind =
  | 'photo'
  | 'voice'
  | 'audio'
  | 'video'
  | 'sticker'
  | 'document'
  | 'location'
  | 'contact'
  | 'poll'
  | 'reaction'
  | 'call'
  /** A message edited after it was sent (its first text was already answered). */
  | 'edited'
  | 'other';

export type InboundContent =
  /** Typed text. */
  | { kind: 'text'; text: string }
  /** A button pressed (Telegram) — the id of one of the choices we offered. */
  | { kind: 'choice'; choiceId: string }
  /** The conversation was opened: Telegram /start, a wa.me link, the terminal chat starting. */
  | { kind: 'start'; payload?: string }
  /** A photo, voice note, sticker…: not read, answered kindly. */
  | { kind: 'unsupported'; what: UnsupportedKind };

export interface Inbound {
  address: ChannelAddress;
  /** The platform's id for this message: the same id delivered twice is answered once. */
  messageId: string;
  content: InboundContent;
  /** The language the platform reports for the user (e.g. Telegram's language_code), a hint only. */
  languageHint?: string;
  /**
   * Where the message sits in the chat, when the platform numbers both sides' messages in one
   * sequence (Telegram private chats): its own number, and the number of the message it explicitly
   * replies to. Compared with the number of the message that asked the current question, it tells
   * an answer typed for an earlier question (one that has since moved on) from an answer to this one.
   */
  order?: { sequence: number; replyTo?: number };
  /**
   * When the person sent it, on the platform's clock (WhatsApp's message timestamp, whole seconds),
   * for platforms without such numbering: compared with the time the platform gives for the message
   * that asked the current question (engine.replySent), it tells an answer typed before that
   * question reached them.
   */
  sentAt?: Date;
}

export interface Choice {
  id: string;
  label: string;
}

export interface Attachment {
  filename: string;
  mimeType: string;
  content: string;
}

export interface Outbound {
  text: string;
  /** The question this message asks (flow.step): its delivery record notes which platform message asked it. */
  asks?: string;
  /** Offered answers. Buttons are a convenience: typing the answer always works too. */
  choices?: Choice[];
  attachment?: Attachment;
}
