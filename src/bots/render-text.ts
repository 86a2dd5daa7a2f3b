// Plain-text rendering of an Outbound for channels without buttons (terminal, WhatsApp):
// choices become a numbered list, answered by number or by words.
import type { Outbound } from '../core/conversation/messages';

/**
 * A choice with its number, as the texts mention it ("answer with a number from 1 to 4"): the
 * same on every channel. A label that starts with its own number ("1 - Strongly disagree") is
 * not numbered twice.
 */
export function numberedLabel(label: string, n: number): string {
  const own = new RegExp(`^\\s*${n}\\s*[-–.:)]\\s*`).exec(label);
  return own ? `${n}. ${label.slice(own[0].length)}` : `${n}. ${label}`;
}

export function renderPlain(message: Outbound): string {
  if (!message.choices || message.choices.length === 0) return message.text;
  const list = message.choices.map((c, i) => `  ${numberedLabel(c.label, i + 1)}`).join('\n');
  return `${message.text}\n${list}`;
}

/** For the terminal, which has no files: an attachment is shown after the message, as text. */
export function renderWithAttachment(message: Outbound): string {
  const text = renderPlain(message);
  return message.attachment ? `${text}\n\n📎 ${message.attachment.filename}\n${message.attachment.content}` : text;
}
