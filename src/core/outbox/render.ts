// Turns an outbox payload into the message a person reads, in their language, at send time.
// Template params may hold values that depend on the language:
//   { $date: iso }  -> "samedi 20 février 2027"      { $time: iso } -> "09:30"
//   { $lang: { fr, nl, de, en } } -> the person's language's text
// A person who asked for easy-read gets each text's easy-read version (`key_easy`) where it has one.
import type { OutboxPayload } from './payload';
import type { Translator } from '../conversation/i18n';
import type { Outbound } from '../conversation/messages';
import type { Language } from '../panel/config';
import { formatDate, formatTime } from '../panel/time';

export function renderPayload(payload: OutboxPayload, lng: Language, i18n: Translator, timeZone: string, easy = false): Outbound {
  if ('outbound' in payload) return payload.outbound;
  const { key, params, choices } = payload.template;
  if (!i18n.has(lng, key)) throw new Error(`missing text ${key} in ${lng}`);
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) resolved[name] = resolveParam(value, lng, timeZone);
  const text = i18n.t(lng, key, resolved, easy);
  return choices && choices.length > 0 ? { text, choices: choices.map((c) => ({ id: c.id, label: i18n.t(lng, c.key, undefined, easy) })) } : { text };
}

function resolveParam(value: unknown, lng: Language, timeZone: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.$date === 'string') return formatDate(new Date(v.$date), lng, timeZone);
  if (typeof v.$time === 'string') return formatTime(new Date(v.$time), lng, timeZone);
  if (v.$lang && typeof v.$lang === 'object') return (v.$lang as Record<string, string>)[lng] ?? Object.values(v.$lang as Record<string, string>)[0];
  return value;
}
