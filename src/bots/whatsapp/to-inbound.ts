// A WhatsApp event as what panelbot does with it. Direct chats only. Ignored on purpose, with no
// answer: groups (@g.us: no place for one person's registration, and answering every member would
// be noise), status updates (status@broadcast), channels (@newsletter), broadcast lists, our own
// messages, and system entries nobody typed (deleted messages, encryption notices, call logs).
// Answered with "I can only read text": media, locations, contact cards, polls, reactions, calls;
// an edited message with "type it again".
import { createHash } from 'node:crypto';
import type { Inbound, InboundContent, UnsupportedKind } from '../../core/conversation/messages';
import { checkCode, normalizeCode } from '../../core/registration/invitation-code';
import type { WaCall, WaMessage, WaReaction } from './port';

export type Mapped = { kind: 'inbound'; chatId: string; inbound: Inbound } | { kind: 'ignore'; reason: string };

/** whatsapp-web.js message types that are things a person sent but panelbot does not read. */
const UNSUPPORTED: Record<string, UnsupportedKind> = {
  image: 'photo',
  album: 'photo',
  video: 'video',
  audio: 'audio',
  ptt: 'voice',
  sticker: 'sticker',
  document: 'document',
  location: 'location',
  vcard: 'contact',
  multi_vcard: 'contact',
  poll_creation: 'poll',
  reaction: 'reaction',
};

/** Entries in a chat that nobody typed: no answer. (Calls are answered from the 'call' event.) */
const SERVICE = new Set([
  'revoked',
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'protocol',
  'ciphertext',
  'debug',
  'broadcast_notification',
  'call_log',
]);

/** Why a chat is not a person's direct chat, or undefined when it is one. */
export function notDirect(chatId: string | undefined): string | undefined {
  if (!chatId) return 'no sender';
  if (chatId === 'status@broadcast') return 'status update';
  if (chatId.endsWith('@g.us')) return 'group';
  if (chatId.endsWith('@newsletter')) return 'channel';
  if (chatId.endsWith('@broadcast')) return 'broadcast list';
  if (!chatId.endsWith('@c.us') && !chatId.endsWith('@lid')) return 'not a person';
  return undefined;
}

/** A text that can only be an invitation code (a wa.me link's text, or typed from the letter). */
export function looksLikeCode(text: string): string | undefined {
  const code = normalizeCode(text.trim());
  // A wrong check character is still a code (the registration says it has a typing mistake).
  return code && checkCode(code) !== 'format' ? code : undefined;
}

function inbound(chatId: string, messageId: string, content: InboundContent, timestamp?: number): Mapped {
  const sentAt = timestamp ? { sentAt: new Date(timestamp * 1000) } : {};
  return { kind: 'inbound', chatId, inbound: { address: { channel: 'whatsapp', userId: chatId }, messageId: `whatsapp:${messageId}`, content, ...sentAt } };
}

/**
 * A message. `isNew`: this chat never wrote before. A new person's first message opens the
 * conversation like Telegram's /start (there is no /start on WhatsApp), carrying the code when
 * it is one: the wa.me link on the letter pre-fills the code as the text.
 */
export function messageToInbound(message: WaMessage, isNew: boolean): Mapped {
  if (message.fromMe) return { kind: 'ignore', reason: 'own message' };
  if (message.isStatus) return { kind: 'ignore', reason: 'status update' };
  const other = notDirect(message.from);
  if (other) return { kind: 'ignore', reason: other };
  const type = message.type;
  if (SERVICE.has(type)) return { kind: 'ignore', reason: `system entry (${type})` };
  const id = message.id._serialized;
  // Its time on WhatsApp's clock: the core tells an answer sent before the current question was.
  const t = message.timestamp;
  if (type === 'chat' && !message.hasMedia) {
    const text = message.body ?? '';
    if (isNew) {
      const code = looksLikeCode(text);
      return inbound(message.from, id, code ? { kind: 'start', payload: code } : { kind: 'start' }, t);
    }
    return inbound(message.from, id, { kind: 'text', text }, t);
  }
  return inbound(message.from, id, { kind: 'unsupported', what: UNSUPPORTED[type] ?? 'other' }, t);
}

/** A call: panelbot cannot answer it, so the person is told to write instead. */
export function callToInbound(call: WaCall): Mapped {
  if (call.fromMe) return { kind: 'ignore', reason: 'own call' };
  if (call.isGroup) return { kind: 'ignore', reason: 'group call' };
  const other = notDirect(call.from);
  if (other) return { kind: 'ignore', reason: other };
  return inbound(call.from!, `call:${call.id}`, { kind: 'unsupported', what: 'call' });
}

/** A reaction (👍 to a question is not an answer): the person is asked to type it. */
export function reactionToInbound(reaction: WaReaction): Mapped {
  if (reaction.id.fromMe) return { kind: 'ignore', reason: 'own reaction' };
  if (!reaction.reaction) return { kind: 'ignore', reason: 'reaction taken back' };
  const other = notDirect(reaction.id.remote ?? reaction.senderId) ?? notDirect(reaction.senderId);
  if (other) return { kind: 'ignore', reason: other };
  return inbound(reaction.senderId, `reaction:${reaction.id._serialized}:${reaction.reaction}`, { kind: 'unsupported', what: 'reaction' });
}

/**
 * An edited message. Its first text was already answered, so the edit is not read as a new answer
 * (as on Telegram): the person is asked to type it again. Each new text of the edit is one inbound.
 */
export function editToInbound(message: WaMessage, newBody: string): Mapped {
  if (message.fromMe) return { kind: 'ignore', reason: 'own edit' };
  if (message.isStatus) return { kind: 'ignore', reason: 'status update' };
  const other = notDirect(message.from);
  if (other) return { kind: 'ignore', reason: other };
  return inbound(message.from, `edit:${message.id._serialized}:${createHash('sha256').update(String(newBody)).digest('hex').slice(0, 16)}`, { kind: 'unsupported', what: 'edited' });
}
