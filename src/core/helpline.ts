// A citizen's question for the team: it joins their ticket (or opens one) and is marked urgent
// when it says they are lost, late or ill, or when it comes on an event day.
import { addCitizenMessage } from '../db/repos/tickets';
import type { Turn } from './flow';
import type { ChannelAddress } from './messages';
import { normalize } from './text';
import { localDate } from './time';

export function isUrgent(turn: Turn, text: string): boolean {
  const { config } = turn.services;
  const said = ` ${normalize(text)} `;
  const words = config.helpline.urgentWords[turn.lang] ?? [];
  if (words.some((w) => said.includes(` ${normalize(w)} `) || said.includes(` ${normalize(w)}`))) return true;
  const today = localDate(turn.now, config.panel.timezone);
  return config.events.some((e) => {
    const first = localDate(new Date(e.start), config.panel.timezone);
    const last = localDate(new Date(e.end), config.panel.timezone);
    return today >= first && today <= last;
  });
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
