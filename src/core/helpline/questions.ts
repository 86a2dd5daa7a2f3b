// A citizen's question: answered from the FAQ when the answer is known, otherwise it joins their
// ticket (or opens one) for the team. A ticket is urgent when the text says the person is lost,
// late or ill, or when it comes on an event day.
import { addCitizenMessage, unresolvedTicketOf } from '../../db/repos/tickets';
import { raiseAlert } from '../../db/repos/alerts';
import type { Turn } from '../conversation/flow';
import type { ChannelAddress } from '../conversation/messages';
import type { PanelConfig } from '../panel/config';
import { faqFor, renderAnswer } from './faq';
import { hasUrgentWords } from './hearing';
import { panelCalendar } from '../panel/calendar';

export { hasUrgentWords };


export function submitQuestion(turn: Turn, address: ChannelAddress, text: string) {
  const urgentWords = hasUrgentWords(turn.services.config, turn.lang, text);
  const ticket = addCitizenMessage(turn.services.db, {
    personId: turn.person.id,
    language: turn.lang,
    address,
    text,
    // On an event day (moved ones on their new dates) every question is urgent.
    urgent: urgentWords || panelCalendar(turn.services.db, turn.services.config).isEventDay(turn.now),
    now: turn.now,
  });
  // Urgent words (lost, late, ill…) also alert the organisers, apart from the ticket queue.
  if (urgentWords) raiseAlert(turn.services.db, 'urgent_message', { person: turn.person.pseudonym, ticket: ticket.id }, turn.now);
  turn.services.log.info({ ticket: ticket.id, person: turn.person.pseudonym, reopened: ticket.reopened }, 'helpline question');
  return ticket;
}

/** Hands the text to the team and says so: "added to your question" when a ticket is ongoing. */
export function passToTeam(turn: Turn, text: string): { id: number } {
  const ticket = submitQuestion(turn, turn.address, text);
  const joined = !ticket.created && !ticket.reopened;
  const urgent = hasUrgentWords(turn.services.config, turn.lang, text);
  turn.say(turn.t(urgent ? 'helpline:urgent' : joined ? 'helpline:joined' : 'common:helplineReceived', { ref: `#${ticket.id}`, phone: turn.services.config.helpline.phone }));
  return ticket;
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
  turn.say(renderAnswer(match.entry, turn.lang, config, panelCalendar(turn.services.db, config)));
  return { question: text, entry: match.entry.id };
}
