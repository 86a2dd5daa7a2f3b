// The narrow port between panelbot and whatsapp-web.js: the events panelbot listens to, one way to
// send a text (and a file), and the session's start and stop. clientPort() implements it over a
// real Client; nothing else in panelbot touches whatsapp-web.js.
import type { Client } from 'whatsapp-web.js';
import type { Attachment } from '../../core/conversation/messages';

/** The fields panelbot reads of a whatsapp-web.js Message. */
export interface WaMessage {
  id: { _serialized: string };
  from: string;
  body: string;
  type: string;
  fromMe: boolean;
  isStatus?: boolean;
  hasMedia?: boolean;
  broadcast?: boolean;
  /** When it was sent, in seconds on WhatsApp's clock. */
  timestamp?: number;
}

/** A message panelbot sent: WhatsApp's id, and when it was sent in seconds on WhatsApp's clock. */
export interface WaSent {
  id: string;
  timestamp?: number;
}

/** The fields panelbot reads of a whatsapp-web.js Call. */
export interface WaCall {
  id: string;
  from?: string;
  fromMe?: boolean;
  isGroup?: boolean;
}

/** The fields panelbot reads of a whatsapp-web.js Reaction. */
export interface WaReaction {
  /** The reaction's own key; remote is the chat it was made in. */
  id: { _serialized: string; fromMe?: boolean; remote?: string };
  senderId: string;
  /** The emoji; empty when a reaction is taken back. */
  reaction: string;
}

export interface WhatsAppEvents {
  qr: (qr: string) => void;
  authenticated: () => void;
  auth_failure: (message: string) => void;
  ready: () => void;
  disconnected: (reason: string) => void;
  message: (message: WaMessage) => void;
  call: (call: WaCall) => void;
  message_reaction: (reaction: WaReaction) => void;
  /** A message the person edited after sending it; newBody is its text now. */
  message_edit: (message: WaMessage, newBody: string, prevBody: string) => void;
}

export interface WhatsAppPort {
  on<E extends keyof WhatsAppEvents>(event: E, handler: WhatsAppEvents[E]): void;
  /** Sends a text to a chat ("32470123456@c.us"); resolves with WhatsApp's message id and time. */
  sendMessage(chatId: string, text: string): Promise<WaSent>;
  sendDocument(chatId: string, file: Attachment): Promise<WaSent>;
  /** Starts the browser session (Client.initialize). */
  initialize(): Promise<void>;
  /** Closes the browser session (Client.destroy); the saved login stays on disk. */
  destroy(): Promise<void>;
}

type MediaClass = typeof import('whatsapp-web.js').MessageMedia;

export function clientPort(client: Client, MessageMedia: MediaClass): WhatsAppPort {
  return {
    on(event, handler) {
      client.on(event, handler as (...args: unknown[]) => void);
    },
    async sendMessage(chatId, text) {
      const sent = await client.sendMessage(chatId, text, { linkPreview: false });
      return { id: sent.id._serialized, timestamp: sent.timestamp };
    },
    async sendDocument(chatId, file) {
      const media = new MessageMedia(file.mimeType, Buffer.from(file.content, 'utf8').toString('base64'), file.filename);
      const sent = await client.sendMessage(chatId, media, { sendMediaAsDocument: true });
      return { id: sent.id._serialized, timestamp: sent.timestamp };
    },
    initialize: () => client.initialize(),
    destroy: () => client.destroy(),
  };
}
