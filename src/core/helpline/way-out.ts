// The way to a person, said with every error: the one command word of the person's language
// (the same word the command lists accept) and the helpline's phone number.
import type { Turn } from '../conversation/flow';

export function wayOut(turn: Turn): string {
  return turn.t('common:wayOut', { phone: turn.services.config.helpline.phone });
}

/** An error text followed by the way to a person. */
export function withWayOut(turn: Turn, text: string): string {
  return `${text}\n${wayOut(turn)}`;
}
