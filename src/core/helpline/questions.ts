// A citizen's question: answered from the FAQ when the answer is known, otherwise it joins their
// ticket (or opens one) for the team. A ticket is urgent when the text says the person is lost,
// late or ill, or when it comes on an event day.
import { addCitizenMessage, addTicketMessage, unresolvedTicketOf } from '../../db/repos/tickets';
import { raiseAlert } from '../../db/repos/alerts';
import type { Turn } from '../conversation/flow';
import type { ChannelAddress } from '../conversation/messages';
import type { PanelConfig } from '../panel/config';
import { faqFor, renderAnswer } from './faq';
import { hasUrgentWords } from './hearing';
import { panelCalendar } from '../panel/calendar';

export { hasUrgentWords };


/** The FAQ answer a question got before the person said it did not help: it goes on the ticket too. */
export interface EarlierAnswer {
  askedAt: Date;
  answer: string;
  entry: number;
}

export function submitQuestion(turn: Turn, address: ChannelAddress, text: string, earlier?: EarlierAnswer) {
  const urgentWords = hasUrgentWords(turn.services.config, turn.lang, text);
  const ticket = addCitizenMessage(turn.services.db, {
    personId: turn.person.id,
    language: turn.lang,
    address,
    text,
    ...(earlier ? { askedAt: earlier.askedAt } : {}),
    // On an event day (moved ones on their new dates) every question is urgent.
    urgent: urgentWords || panelCalendar(turn.services.db, turn.services.config).isEventDay(turn.now),
    now: turn.now,
  });
  // Urgent words (lost, late, ill…) also alert the organisers, apart from the ticket queue.
  if (urgentWords) raiseAlert(turn.services.db, 'urgent_message', { person: turn.person.pseudonym, ticket: ticket.id }, turn.now);
  if (earlier) addTicketMessage(turn.services.db, { ticketId: ticket.id, author: 'bot', authorId: `faq:${earlier.entry}`, text: earlier.answer, at: earlier.askedAt });
  turn.services.log.info({ ticket: ticket.id, person: turn.person.pseudonym, reopened: ticket.reopened }, 'helpline question');
  return ticket;
}

/** Says something to the person and keeps it on their ticket: the team reads what panelbot told them. */
export function sayOnTicket(turn: Turn, ticketId: number, text: string): void {
  turn.say(text);
  addTicketMessage(turn.services.db, { ticketId, author: 'bot', authorId: null, text, at: turn.now });
}

/** Hands the text to the team and says so: "added to your question" when a ticket is ongoing. */
export function passToTeam(turn: Turn, text: string, earlier?: EarlierAnswer): { id: number } {
  const ticket = submitQuestion(turn, turn.address, text, earlier);
  const joined = !ticket.created && !ticket.reopened;
  const urgent = hasUrgentWords(turn.services.config, turn.lang, text);
  sayOnTicket(turn, ticket.id, turn.t(urgent ? 'helpline:urgent' : joined ? 'helpline:joined' : 'common:helplineReceived', { ref: `#${ticket.id}`, phone: turn.services.config.helpline.phone }));
  return ticket;
}

export interface FaqFollowUp {
  question: string;
  entry: number;
  /** When it was asked (ms) and what panelbot answered: kept on the ticket if the answer did not help. */
  askedAt: number;
  answer: string;
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
  const answer = renderAnswer(match.entry, turn.lang, config, panelCalendar(turn.services.db, config), turn.easy);
  turn.say(answer);
  return { question: text, entry: match.entry.id, askedAt: turn.now.getTime(), answer };
}
