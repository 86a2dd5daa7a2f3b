// A citizen's question: answered from the FAQ when the answer is known, otherwise it joins their
// ticket (or opens one) for the team. A ticket is urgent when the text says the person is lost,
// late or ill, or when it comes on an event day.
import { addCitizenMessage, unresolvedTicketOf } from '../../db/repos/tickets';
import type { Turn } from '../conversation/flow';
import type { ChannelAddress } from '../conversation/messages';
import type { Language, PanelConfig } from '../panel/config';
import { faqFor, renderAnswer } from './faq';
import { normalize } from '../conversation/text';
import { localDate } from '../panel/time';

export function hasUrgentWords(config: PanelConfig, lang: Language, text: string): boolean {
  const said = ` ${normalize(text)} `;
  const words = config.helpline.urgentWords[lang] ?? [];
  return words.some((w) => said.includes(` ${normalize(w)} `) || said.includes(` ${normalize(w)}`));
}

export function isEventDay(config: PanelConfig, now: Date): boolean {
  const today = localDate(now, config.panel.timezone);
  return config.events.some((e) => {
    const first = localDate(new Date(e.start), config.panel.timezone);
    const last = localDate(new Date(e.end), config.panel.timezone);
    return today >= first && today <= last;
  });
}

export function isUrgent(turn: Turn, text: string): boolean {
  const { config } = turn.services;
  return hasUrgentWords(config, turn.lang, text) || isEventDay(config, turn.now);
}

export function submitQuestion(turn: Turn, address: ChannelAddress, text: string) {
  const ticket = addCitizenMessage(turn.services.db, {
    personId: turn.person.id,
    language: turn.lang,
    address,
    text,
    urgent: isUrgent(turn, text),
    now: turn.now,
  });
  turn.services.log.info({ ticket: ticket.id, person: turn.person.pseudonym, reopened: ticket.reopened }, 'helpline question');
  return ticket;
}

/** Hands the text to the team and says so: "added to your question" when a ticket is ongoing. */
export function passToTeam(turn: Turn, text: string): void {
  const ticket = submitQuestion(turn, turn.address, text);
  const joined = !ticket.created && !ticket.reopened;
  turn.say(turn.t(joined ? 'helpline:joined' : 'common:helplineReceived', { ref: `#${ticket.id}` }));
}

export interface FaqFollowUp {
  question: string;
  entry: number;
}

/**
 * Where a question goes. A message while a ticket is ongoing joins it (the person is talking to
 * the team); an urgent one goes straight to a person; otherwise a confident FAQ match is answered
 * (the caller then asks "did this help?" with the faq flow), and anything else goes to the team.
 * Returns what the faq flow needs when the FAQ answered, undefined when the team got it.
 */
export function answerQuestion(turn: Turn, text: string): FaqFollowUp | undefined {
  const { db, config, log } = turn.services;
  const ongoing = unresolvedTicketOf(db, turn.person.id);
  const match = ongoing || hasUrgentWords(config, turn.lang, text) ? undefined : faqFor(config).match(turn.lang, text);
  if (!match) {
    passToTeam(turn, text);
    return undefined;
  }
  log.info({ person: turn.person.pseudonym, faq: match.entry.id, lang: turn.lang }, 'faq answer');
  turn.say(renderAnswer(match.entry, turn.lang, config));
  return { question: text, entry: match.entry.id };
}
