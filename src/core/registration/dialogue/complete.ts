// The two ways a registration ends: confirmed from the summary, or not eligible.
// Each writes one row in the transaction of the message that ended it.
import type { Turn } from '../../conversation/flow';
import { claimInvitation, releaseInvitation } from '../../../db/repos/invitations';
import { sayOnTicket, submitQuestion } from '../../helpline/questions';
import { formatCode } from '../invitation-code';
import { countRegisteredUpTo, insertIneligibleRegistration, insertRegistration, markRegistrationIneligible, updateRegistrationAnswers, type RegistrationAnswersRow } from '../../../db/repos/registrations';
import { CLEARED_WHEN_INELIGIBLE, registrationColumns, type RegistrationAnswers } from '../fields';
import { raiseAlert } from '../../../db/repos/alerts';
import { formatDay } from '../../panel/time';
import { registrationState } from '../window';

export type IneligibleReason = 'no_consent' | 'too_young' | 'excluded_office' | 'excluded_party' | 'excluded_diplomat' | 'excluded_organiser' | 'unavailable';

export function completeRegistration(turn: Turn): void {
  const { db, config } = turn.services;
  const data = turn.frame.data;
  const a = (data.answers ?? {}) as RegistrationAnswers;
  // The answers as declared in the list of fields, and the fields derived from them (the place from the postcode).
  const answers = registrationColumns(a) as RegistrationAnswersRow;
  if (data.editing) {
    // A correction after registering ("correct"): the same row, updated in this message's transaction.
    updateRegistrationAnswers(db, turn.person.id, answers);
    turn.services.log.info({ person: turn.person.pseudonym }, 'registration corrected');
    turn.say(turn.t('rights:corrected'));
    turn.pop();
    return;
  }
  // Confirmed after registration closed: not registered (nothing was written), told kindly.
  if (registrationState(config, turn.now) === 'closed') {
    turn.say(turn.t('registration:window.closed', { phone: config.helpline.phone, email: config.helpline.email }));
    turn.replace('home');
    turn.quiet();
    return;
  }
  // The code is claimed now, at confirmation. Someone else may have confirmed with it meanwhile:
  // then the person is told kindly, the team is asked to help, and the answers are kept.
  const code = data.code as string;
  if (!claimInvitation(db, code, turn.person.id, turn.now)) {
    codeTakenMeanwhile(turn, code);
    return;
  }
  insertRegistration(db, {
    ...answers,
    personId: turn.person.id,
    invitationCode: data.code as string,
    consentVersion: config.registration.consentVersion,
    consentAt: data.consentAt as number,
    registeredAt: turn.now.getTime(),
  });
  // Counted only up to the largest milestone: past it no alert can fire, and a full count would
  // cost more with every registration (a third of the time per message with 100,000 registered).
  const upTo = Math.max(0, ...config.registration.milestones) + 1;
  const total = countRegisteredUpTo(db, upTo);
  if (config.registration.milestones.includes(total)) raiseAlert(db, 'registration_milestone', { registrations: total }, turn.now);
  turn.services.log.info({ person: turn.person.pseudonym }, 'registration completed');
  turn.say(
    turn.t('registration:done', {
      drawDate: formatDay(config.registration.drawDate, turn.lang),
    }),
  );
  turn.replace('home');
  turn.quiet();
}

/** The code was used by someone else before this person confirmed: a person from the team sorts it out. */
function codeTakenMeanwhile(turn: Turn, code: string): void {
  const ticket = submitQuestion(turn, turn.address, `Code ${formatCode(code)} was typed by two people; the other one confirmed first. This person finished the registration too: please check whose letter it is and send the right code here.`);
  turn.services.log.info({ person: turn.person.pseudonym, ticket: ticket.id }, 'code confirmed by someone else first');
  sayOnTicket(turn, ticket.id, turn.t('registration:code.takenMeanwhile', { ref: `#${ticket.id}`, phone: turn.services.config.helpline.phone }));
  // The answers stay; a new code from the team leads straight back to the summary.
  delete turn.frame.data.code;
  turn.goto('code');
  turn.quiet();
}

/** Ends kindly, keeping only the code, the language and the reason (no consent: nothing at all). */
export function endIneligible(turn: Turn, reason: IneligibleReason): void {
  const { db, config } = turn.services;
  const code = turn.frame.data.code as string | undefined;
  const params = { age: config.registration.minimumAge, phone: config.helpline.phone, email: config.helpline.email };
  turn.services.log.info({ person: turn.person.pseudonym, reason }, 'registration ended: not eligible');
  if (reason === 'no_consent') {
    if (code) releaseInvitation(db, code, turn.person.id);
    turn.say(turn.t('registration:ineligible.no_consent', params));
    turn.replace('registration', 'code', {});
    turn.quiet();
    return;
  }
  if (turn.frame.data.editing) {
    // A correction made them ineligible (e.g. a birth date): the registration keeps only the reason.
    markRegistrationIneligible(db, turn.person.id, reason, CLEARED_WHEN_INELIGIBLE);
  } else if (code && claimInvitation(db, code, turn.person.id, turn.now)) {
    insertIneligibleRegistration(db, turn.person.id, code, reason, turn.now);
  }
  turn.say(turn.t(`registration:ineligible.${reason}`, params));
  turn.replace('home');
  turn.quiet();
}
