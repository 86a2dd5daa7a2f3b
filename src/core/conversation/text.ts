// Small text helpers the flows share: normalising what people type and matching it to choices.
import type { Choice } from './messages';

/**
 * Lower case, no accents, single spaces, no surrounding punctuation: "  Oui ! " -> "oui".
 * An apostrophe counts as a space, so "d accord" and "j ai perdu" (typed without one) match.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.,;:!?¡¿'"«»()\-]+|[\s.,;:!?¡¿'"«»()\-]+$/g, '')
    .trim();
}

/** Removes control characters (keeps new lines and tabs) and caps the length. */
export function cleanInput(text: string, maxLength = 2000): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, '');
  return cleaned.length > maxLength ? cleaned.slice(0, maxLength) : cleaned;
}

/**
 * Which choice an answer means: the number shown before it ("2"), its label ("Nederlands"),
 * or one of its extra words ("nl"). Undefined when nothing matches or the answer is ambiguous.
 */
export function matchChoice(answer: string, choices: Choice[], synonyms: Record<string, string[]> = {}, byPosition = true): string | undefined {
  const said = normalize(answer);
  if (!said) return undefined;
  const asNumber = byPosition && /^\d{1,2}$/.test(said) ? Number(said) : NaN;
  if (Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= choices.length) return choices[asNumber - 1]!.id;
  const exact = choices.filter((c) => normalize(c.label) === said || (synonyms[c.id] ?? []).some((w) => normalize(w) === said));
  if (exact.length === 1) return exact[0]!.id;
  // The first word(s) of one label only: "yes" for "Yes, register me", "nee" for "Nee, ik kan niet".
  const starts = choices.filter((c) => {
    const label = normalize(c.label);
    return label.startsWith(`${said} `) || label.startsWith(`${said},`);
  });
  if (starts.length === 1) return starts[0]!.id;
  // "1. Français" or "1) oui": a number followed by the label.
  const numbered = byPosition ? /^(\d{1,2})\s*[.)-]?\s+(.*)$/.exec(said) : null;
  if (numbered) {
    const n = Number(numbered[1]);
    if (n >= 1 && n <= choices.length) return choices[n - 1]!.id;
  }
  return undefined;
}

/**
 * Words that mean yes, no or go on in any of the four languages: someone who chose Dutch and types
 * "oui" still answers. They apply to choices whose id is yes, no or continue.
 */
const YES_WORDS = [
  'yes', 'y', 'yep', 'yeah', 'sure', 'of course', 'yes please', 'fine', 'alright', 'all right', 'ok', 'oke', 'okay', 'oké', 'okido',
  'oui', 'ouais', 'si', "d'accord", 'daccord', 'dac', 'bien sur', 'volontiers', 'absolument', 'certainement', "c'est bon", 'ca marche', 'entendu', 'parfait',
  'ja', 'jawel', 'ja hoor', 'ja graag', 'graag', 'zeker', 'natuurlijk', 'akkoord', 'goed', 'prima', 'klopt', 'in orde', 'oke dan',
  'jawohl', 'ja gerne', 'gerne', 'genau', 'naturlich', 'sicher', 'einverstanden', 'stimmt', 'klar', 'in ordnung', 'alles klar',
  '👍',
];

export const UNIVERSAL_SYNONYMS: Record<string, string[]> = {
  yes: [...YES_WORDS],
  no: ['no', 'n', 'nope', 'nah', 'no thanks', 'not at all', 'never', 'non', 'non merci', 'pas du tout', 'jamais', 'nee', 'neen', 'nee hoor', 'nee dank u', 'nooit', 'helemaal niet', 'nein', 'nein danke', 'gar nicht', 'nie', '👎'],
  // A one-button "Continue" step takes any yes as well: "oui" must not send the whole text again.
  continue: ['continue', 'next', 'go', 'continuer', 'suivant', 'allez', 'on continue', 'verder', 'volgende', 'doorgaan', 'ga verder', 'weiter', 'los', 'fortfahren', ...YES_WORDS],
};
