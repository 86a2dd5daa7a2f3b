// Plain-text rendering of an Outbound for channels without buttons (terminal, WhatsApp):
// choices become a numbered list, answered by number or by words.
import type { Outbound } from '../core/conversation/messages';

export function renderPlain(message: Outbound): string {
  if (!message.choices || message.choices.length === 0) return message.text;
  const list = message.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n');
  return `${message.text}\n${list}`;
}

/** For the terminal, which has no files: an attachment is shown after the message, as text. */
export function renderWithAttachment(message: Outbound): string {
  const text = renderPlain(message);
  return message.attachment ? `${text}\n\n📎 ${message.attachment.filename}\n${message.attachment.content}` : text;
}
