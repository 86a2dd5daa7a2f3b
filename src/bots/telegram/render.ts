// An Outbound as Telegram messages: plain text (no parse mode, so nothing needs escaping), split
// under Telegram's length limit, and choices as an inline keyboard under the last part.
import { createHash } from 'node:crypto';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Choice, Outbound } from '../../core/conversation/messages';
import { numberedLabel } from '../render-text';

export const MAX_TEXT = 4000; // Telegram's limit is 4096; a margin for safety
const MAX_CALLBACK_BYTES = 64;
/** The callback data of the "✓ chosen" button left after a press: pressing it does nothing. */
export const MARK = '-';

export interface TelegramPart {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/**
 * Choice ids go in callback_data as they are when short enough; longer ones as a short hash kept
 * in memory. After a restart an unknown hash falls back to the button's label, typed.
 */
export class CallbackCodec {
  private readonly long = new Map<string, string>();

  encode(choiceId: string): string {
    if (Buffer.byteLength(choiceId) <= MAX_CALLBACK_BYTES && !choiceId.startsWith('#') && choiceId !== MARK) return choiceId;
    const data = `#${createHash('sha256').update(choiceId).digest('base64url').slice(0, 22)}`;
    this.long.set(data, choiceId);
    return data;
  }

  decode(data: string): { choiceId: string } | { mark: true } | { unknown: true } {
    if (data === MARK) return { mark: true };
    if (!data.startsWith('#')) return { choiceId: data };
    const choiceId = this.long.get(data);
    return choiceId ? { choiceId } : { unknown: true };
  }
}

export function keyboard(choices: Choice[], codec: CallbackCodec): InlineKeyboardMarkup {
  // Buttons carry the numbers the texts mention ("answer with a number from 1 to 4").
  const buttons: InlineKeyboardButton[] = choices.map((c, i) => ({ text: numberedLabel(c.label, i + 1), callback_data: codec.encode(c.id) }));
  // Short answers (yes / no) side by side; anything longer one per row, so labels are not cut.
  const short = choices.length <= 3 && choices.every((c) => c.label.length <= 11);
  return { inline_keyboard: short ? [buttons] : buttons.map((b) => [b]) };
}

export function markedKeyboard(label: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: `✓ ${label}`, callback_data: MARK }]] };
}

/** Splits on line ends where possible, so no part is longer than the limit. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts.filter((p, i) => p.trim() !== '' || i === parts.length - 1);
}

export function renderParts(message: Outbound, codec: CallbackCodec): TelegramPart[] {
  const texts = splitText(message.text.trim() === '' ? '…' : message.text);
  const parts: TelegramPart[] = texts.map((text) => ({ text }));
  if (message.choices && message.choices.length > 0) parts[parts.length - 1]!.reply_markup = keyboard(message.choices, codec);
  return parts;
}

/** The label of the button that carried this callback data, read from the message's keyboard. */
export function buttonLabel(markup: InlineKeyboardMarkup | undefined, data: string): string | undefined {
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) if ('callback_data' in button && button.callback_data === data) return button.text;
  }
  return undefined;
}
