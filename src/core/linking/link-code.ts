// One-time link codes: a person asks for one ("link") where they are, and sends it from another
// app (or types it on the web page); that address then belongs to the same person, and later
// messages go to whichever address they used last. 8 characters of the invitation codes'
// alphabet (no look-alikes), printed XXXX-XXXX, valid 30 minutes, once.
import { createHash, randomInt } from 'node:crypto';
import type { InboundContent } from '../conversation/messages';
import { CODE_ALPHABET } from '../registration/invitation-code';

export const LINK_CODE_LENGTH = 8;
export const LINK_CODE_MINUTES = 30;

export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function formatLinkCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function hashLinkCode(code: string): string {
  return createHash('sha256').update(`link|${code}`).digest('hex');
}

function normalizeLinkCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s\-_.]/g, '');
  return compact.length === LINK_CODE_LENGTH && [...compact].every((c) => CODE_ALPHABET.includes(c)) ? compact : undefined;
}

/**
 * The link code a message may carry: the whole typed text, or a start payload (a deep link
 * `?start=link-XXXXXXXX`, the web page's code field). Only a code that exists counts, so an answer
 * that merely looks like one goes on to the conversation.
 */
export function linkCodeIn(content: InboundContent): string | undefined {
  if (content.kind === 'text' && content.text.length <= 20) return normalizeLinkCode(content.text);
  if (content.kind === 'start' && content.payload) return normalizeLinkCode(content.payload.replace(/^link[-_]?/i, ''));
  return undefined;
}
