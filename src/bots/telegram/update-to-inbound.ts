// A Telegram update as what panelbot does with it. Private chats only: in groups and channels the
// bot stays silent on purpose (a group is no place for one person's registration or needs, and
// answering every member would be noise); it does not leave them either, so nobody is surprised.
import type { Message, Update } from 'grammy/types';
import type { Inbound, InboundContent, UnsupportedKind } from '../../core/conversation/messages';
import { buttonLabel, type CallbackCodec } from './render';

export interface PressedButton {
  callbackId: string;
  /** The message carrying the keyboard (absent when Telegram no longer gives it). */
  messageId?: number;
  /** The button's label, to mark the choice on the keyboard. */
  label?: string;
}

export type Mapped =
  | { kind: 'inbound'; chatId: number; inbound: Inbound; button?: PressedButton }
  /** The person blocked the bot (my_chat_member "kicked" in their private chat). */
  | { kind: 'blocked'; chatId: number }
  /** Nothing to do, on purpose; a pressed button is still acknowledged. */
  | { kind: 'ignore'; reason: string; callbackId?: string };

/** Content fields in the order they are checked (an animation also carries a document). */
const MEDIA: Array<[keyof Message, UnsupportedKind]> = [
  ['photo', 'photo'],
  ['voice', 'voice'],
  ['audio', 'audio'],
  ['animation', 'video'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['sticker', 'sticker'],
  ['document', 'document'],
  ['venue', 'location'],
  ['location', 'location'],
  ['contact', 'contact'],
  ['poll', 'poll'],
];

/** Service messages nobody typed: they need no answer. */
const SERVICE: Array<keyof Message> = [
  'pinned_message',
  'message_auto_delete_timer_changed',
  'write_access_allowed',
  'users_shared',
  'chat_shared',
  'successful_payment',
  'refunded_payment',
  'connected_website',
  'chat_background_set',
  'proximity_alert_triggered',
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'channel_chat_created',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
];

const START = /^\/start(?:@\w+)?(?:\s+([\s\S]*))?$/;

export function messageContent(message: Message): InboundContent | undefined {
  if (typeof message.text === 'string') {
    const start = START.exec(message.text.trim());
    if (start) {
      const payload = start[1]?.trim();
      return payload ? { kind: 'start', payload } : { kind: 'start' };
    }
    return { kind: 'text', text: message.text };
  }
  for (const [field, what] of MEDIA) if (message[field] !== undefined) return { kind: 'unsupported', what };
  if (SERVICE.some((field) => message[field] !== undefined)) return undefined;
  return { kind: 'unsupported', what: 'other' };
}

function inbound(chatId: number, messageId: string, content: InboundContent, languageHint: string | undefined): Inbound {
  const value: Inbound = { address: { channel: 'telegram', userId: String(chatId) }, messageId: `telegram:${chatId}:${messageId}`, content };
  if (languageHint) value.languageHint = languageHint;
  return value;
}

export function updateToInbound(update: Update, codec: CallbackCodec): Mapped {
  if (update.message) {
    const m = update.message;
    if (m.chat.type !== 'private') return { kind: 'ignore', reason: `message in a ${m.chat.type}` };
    const content = messageContent(m);
    if (!content) return { kind: 'ignore', reason: 'service message' };
    const value = inbound(m.chat.id, String(m.message_id), content, m.from?.language_code);
    // In a private chat both sides' messages share one numbering: it tells which question an answer followed.
    value.order = m.reply_to_message ? { sequence: m.message_id, replyTo: m.reply_to_message.message_id } : { sequence: m.message_id };
    return { kind: 'inbound', chatId: m.chat.id, inbound: value };
  }
  if (update.edited_message) {
    const m = update.edited_message;
    if (m.chat.type !== 'private') return { kind: 'ignore', reason: `edit in a ${m.chat.type}` };
    // An edit is not read (the answer was taken as first sent): the person is asked to type again.
    const id = `${m.message_id}:edit:${m.edit_date ?? 0}`;
    return { kind: 'inbound', chatId: m.chat.id, inbound: inbound(m.chat.id, id, { kind: 'unsupported', what: 'edited' }, m.from?.language_code) };
  }
  if (update.callback_query) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (!chat || chat.type !== 'private' || q.data === undefined) return { kind: 'ignore', reason: 'button outside a private chat', callbackId: q.id };
    const decoded = codec.decode(q.data);
    if ('mark' in decoded) return { kind: 'ignore', reason: 'the mark of a choice already made', callbackId: q.id };
    const markup = q.message && 'reply_markup' in q.message ? q.message.reply_markup : undefined;
    const label = buttonLabel(markup, q.data);
    // A long choice id whose hash was lost in a restart: its label, typed, means the same.
    const content: InboundContent =
      'choiceId' in decoded ? { kind: 'choice', choiceId: decoded.choiceId } : label ? { kind: 'text', text: label } : { kind: 'choice', choiceId: q.data };
    const button: PressedButton = { callbackId: q.id };
    if (q.message && q.message.date !== 0) button.messageId = q.message.message_id;
    if (label) button.label = label;
    return { kind: 'inbound', chatId: chat.id, inbound: inbound(chat.id, `cb:${q.id}`, content, q.from.language_code), button };
  }
  if (update.my_chat_member) {
    const c = update.my_chat_member;
    if (c.chat.type === 'private' && c.new_chat_member.status === 'kicked') return { kind: 'blocked', chatId: c.chat.id };
    return { kind: 'ignore', reason: 'membership change' };
  }
  if (update.channel_post || update.edited_channel_post) return { kind: 'ignore', reason: 'channel post' };
  // Reactions are not answers and need no reply; inline queries, payments, joins… are not used.
  return { kind: 'ignore', reason: Object.keys(update).find((k) => k !== 'update_id') ?? 'empty update' };
}

/** Updates of one chat are handled in order; different chats at the same time. */
export function chatKey(update: Update): string {
  // Read defensively: a malformed update must not stop the loop that reads the next ones.
  const chatOf = (m: { chat?: { id?: number } } | undefined) => m?.chat?.id;
  const chat =
    chatOf(update.message) ??
    chatOf(update.edited_message) ??
    chatOf(update.callback_query?.message) ??
    update.callback_query?.from?.id ??
    chatOf(update.my_chat_member) ??
    chatOf(update.channel_post) ??
    chatOf(update.edited_channel_post);
  return chat === undefined ? `update:${update.update_id}` : String(chat);
}
