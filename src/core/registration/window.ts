// The registration window: from the first minute of registration.opens to the end of
// registration.closes, in the panel's time zone. Before it a person is told the opening date and
// written to when it opens (queued in the outbox); after it, that registration is closed, with the
// helpline and the future-panels word. The draw date shown while it is open is never past (the
// configuration requires opens <= closes <= drawDate).
import type { Turn } from '../conversation/flow';
import type { PanelConfig } from '../panel/config';
import { enqueue } from '../../db/repos/outbox';
import { formatDate, zonedInstant } from '../panel/time';
import { addDays } from '../panel/calendar';

export type WindowState = 'before' | 'open' | 'closed';

export function registrationWindow(config: PanelConfig): { opens: Date; closes: Date } {
  const tz = config.panel.timezone;
  return { opens: zonedInstant(config.registration.opens, 0, 0, tz), closes: zonedInstant(addDays(config.registration.closes, 1), 0, 0, tz) };
}

export function registrationState(config: PanelConfig, now: Date): WindowState {
  const { opens, closes } = registrationWindow(config);
  return now < opens ? 'before' : now >= closes ? 'closed' : 'open';
}

export const openingNoticeKey = (personId: number) => `registration-opens:${personId}`;

/**
 * Says why a registration cannot go on now, and returns true; false while the window is open.
 * Before it opens the person is also written to at the opening (once, whatever they type meanwhile).
 */
export function outsideWindow(turn: Turn): boolean {
  const { config, db } = turn.services;
  const state = registrationState(config, turn.now);
  if (state === 'open') return false;
  const { opens, closes } = registrationWindow(config);
  const tz = config.panel.timezone;
  if (state === 'before') {
    enqueue(
      db,
      {
        personId: turn.person.id,
        kind: 'system',
        payload: { template: { key: 'registration:window.nowOpen', params: { closes: { $date: new Date(closes.getTime() - 60_000).toISOString() } } } },
        dueAt: opens,
        expiresAt: closes,
        idempotencyKey: openingNoticeKey(turn.person.id),
        essential: true,
      },
      turn.now,
    );
    turn.say(turn.t('registration:window.notYet', { date: formatDate(opens, turn.lang, tz) }));
  } else {
    turn.say(turn.t('registration:window.closed', { phone: config.helpline.phone, email: config.helpline.email }));
  }
  return true;
}
