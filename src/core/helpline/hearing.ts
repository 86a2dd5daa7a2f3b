// Reading typed text that is not an answer to the question asked: urgent words (lost, late, ill,
// an accident, cannot come), a lost or missing letter, and questions. Each language has its own
// words; the panel's configuration can add more urgent words (helpline.urgentWords).
import type { Language, PanelConfig } from '../panel/config';
import { normalize } from '../conversation/text';

/** Always urgent, whatever the configuration adds. Matched as whole words or phrases. */
export const URGENT_WORDS: Record<Language, string[]> = {
  fr: ['perdu', 'perdue', 'je me suis perdu', 'en retard', 'retard', 'malade', 'accident', 'urgence', 'urgent', 'blesse', 'blessee', 'je ne peux pas venir', 'peux pas venir', 'ne pourrai pas venir'],
  nl: ['verdwaald', 'verloren gelopen', 'te laat', 'vertraging', 'ziek', 'ongeluk', 'ongeval', 'dringend', 'nood', 'gewond', 'kan niet komen', 'ik kan niet komen'],
  de: ['verlaufen', 'verirrt', 'verspatet', 'verspatung', 'zu spat', 'krank', 'unfall', 'dringend', 'notfall', 'verletzt', 'kann nicht kommen'],
  en: ['lost', 'late', 'running late', 'ill', 'sick', 'accident', 'urgent', 'emergency', 'injured', 'cannot come', "can't come", 'cant come'],
};

/** Said about a letter or a code that the person does not have. */
const LOST_LETTER: RegExp[] = [
  // fr
  /\b(perdu|perdue|egare|egaree|jete|jetee|pas recu|jamais recu|pas eu)\b.*\b(lettre|code|courrier|invitation)\b/,
  /\b(lettre|code|courrier|invitation)\b.*\b(perdu|perdue|egare|egaree|jete|jetee|pas recu|jamais recu)\b/,
  /\b(sans|pas de|pas le|aucun) (code|lettre)\b/,
  // nl
  /\b(kwijt|verloren|weggegooid|niet ontvangen|nooit ontvangen|niet gekregen)\b/,
  /\b(geen|zonder) (code|brief|uitnodiging)\b/,
  // de
  /\b(verloren|verlegt|weggeworfen|nicht bekommen|nicht erhalten|nie bekommen)\b/,
  /\b(kein|keinen|keine|ohne) (code|brief|einladung)\b/,
  // en
  /\b(lost|lose|misplaced|threw away|thrown away|never got|never received|did not get|didn't get|didnt get|did not receive|didn't receive)\b/,
  /\b(no|without|don't have a|dont have a|do not have a) (code|letter|invitation)\b/,
];

const QUESTION_START: RegExp = /^(how|what|when|where|why|who|which|can|could|is|are|do|does|will|comment|quand|ou|pourquoi|qui|quel|quelle|est-ce|est ce|puis-je|peut-on|hoe|wat|wanneer|waar|waarom|wie|welke|kan|mag|moet|is|zijn|wie|was|wann|wo|warum|wer|welche|kann|darf|muss|gibt es|ist|sind)\b/;

function said(text: string): string {
  return ` ${normalize(text).replace(/[.,;:!?¿¡"'’«»()]+/g, ' ').replace(/\s+/g, ' ')} `;
}

export function hasUrgentWords(config: PanelConfig, lang: Language, text: string): boolean {
  const s = said(text);
  const words = [...URGENT_WORDS[lang], ...(config.helpline.urgentWords[lang] ?? [])];
  return words.some((w) => s.includes(` ${normalize(w)} `));
}

export function mentionsLostLetter(text: string): boolean {
  const s = said(text).trim();
  return LOST_LETTER.some((re) => re.test(s));
}

/** A question or several words: clearly not a short answer to the question asked. */
export function looksLikeQuestion(text: string): boolean {
  const s = said(text).trim();
  // Only words of letters count: an IBAN, a phone number or a date typed in groups are answers.
  const words = s.split(' ').filter((w) => /^\p{L}[\p{L}'-]*$/u.test(w));
  // "what?" alone is puzzlement about the question, not a question to answer.
  if (words.length >= 4 || (words.length >= 2 && text.includes('?'))) return true;
  return words.length >= 2 && QUESTION_START.test(s);
}
