// What the page receives for one message: the text, the choices (id and label) and a file.
import type { Outbound } from '../../core/conversation/messages';

export interface WireMessage {
  text: string;
  choices?: Array<{ id: string; label: string }>;
  attachment?: { filename: string; mimeType: string; content: string };
}

export function toWire(message: Outbound): WireMessage {
  return {
    text: message.text,
    ...(message.choices?.length ? { choices: message.choices.map((c) => ({ id: c.id, label: c.label })) } : {}),
    ...(message.attachment ? { attachment: message.attachment } : {}),
  };
}
