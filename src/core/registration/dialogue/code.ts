// The invitation code step: the letter's code, ours or another service's (typing mistakes in ours
// are named as such). Wrong codes are limited per person, and a burst across people is
// reported to the organisers.
import type { FrameData, Step, StepResult, Turn } from '../../conversation/flow';
import { checkCode, formatCode, normalizeCode } from '../invitation-code';
import { findInvitation, oldestWrongCodeSince, recordWrongCode, wrongCodesSince } from '../../../db/repos/invitations';
import { lastAlertOf, raiseAlert } from '../../../db/repos/alerts';
import { withWayOut } from '../../helpline/way-out';
import { mentionsLostLetter } from '../../helpline/hearing';
import { LOST_LETTER_FLOW } from './lost-letter';
import { outsideWindow } from '../window';
import { easyReadFromLetter } from '../../conversation/easy-read';

const HOUR = 3_600_000;

function helpParams(turn: Turn) {
  return { phone: turn.services.config.helpline.phone, email: turn.services.config.helpline.email };
}

function minutesUntilRetry(turn: Turn): number {
  const { db } = turn.services;
  const oldest = oldestWrongCodeSince(db, turn.person.id, new Date(turn.now.getTime() - HOUR));
  const until = oldest ? oldest.getTime() + HOUR : turn.now.getTime();
  return Math.max(1, Math.ceil((until - turn.now.getTime()) / 60000));
}

function wrongCode(turn: Turn): void {
  const { db, config } = turn.services;
  recordWrongCode(db, turn.person.id, turn.now);
  const { burstWindowMinutes, burstThreshold } = config.registration.wrongCodes;
  const since = new Date(turn.now.getTime() - burstWindowMinutes * 60000);
  const recent = wrongCodesSince(db, since);
  if (recent >= burstThreshold && !lastAlertOf(db, 'wrong_code_burst', since)) {
    raiseAlert(db, 'wrong_code_burst', { count: recent, minutes: burstWindowMinutes }, turn.now);
    turn.services.log.warn({ count: recent, minutes: burstWindowMinutes }, 'burst of wrong invitation codes');
  }
}

/**
 * Tries a code for this person: what went wrong when it fails (an error text key), nothing when
 * it is accepted. On success the code is kept in data.code (claimed only at confirmation).
 */
export function tryCode(turn: Turn, raw: string, data: FrameData, fromLink = false): StepResult {
  const { db, config } = turn.services;
  const limit = config.registration.wrongCodes.perPersonPerHour;
  if (wrongCodesSince(db, new Date(turn.now.getTime() - HOUR), turn.person.id) >= limit) {
    return { error: 'registration:code.tooMany', params: { minutes: minutesUntilRetry(turn), ...helpParams(turn) } };
  }
  // Our own codes and other services' codes (4-16 letters and digits) are both looked up; a code in
  // our format with a wrong check character is named a typing mistake, and a word without a digit
  // ("hello") is not counted as a wrong code.
  const code = normalizeCode(raw);
  const invitation = code ? findInvitation(db, code) : undefined;
  if (!code || !invitation) {
    const check = code ? checkCode(code) : 'format';
    if (!code || (check === 'format' && !/\d/.test(code))) return { error: fromLink ? 'registration:code.linkInvalid' : 'registration:code.format' };
    wrongCode(turn);
    return { error: check === 'checksum' ? 'registration:code.typo' : 'registration:code.unknown' };
  }
  // Typing a code does not use it up: it is claimed when the registration is confirmed, so that
  // someone who stops halfway never locks the real invitee out. Only a claimed code is refused.
  if (invitation.claimedBy !== null && invitation.claimedBy !== turn.person.id) return { error: 'registration:code.used', params: helpParams(turn) };
  data.code = code;
  easyReadFromLetter(turn, invitation.easyRead);
  turn.say(turn.t('registration:code.accepted', { code: formatCode(code) }));
}

/** tryCode for a deep link: says what went wrong, with the way to a person. */
export function applyCode(turn: Turn, raw: string, data: FrameData, fromLink = false): boolean {
  if (outsideWindow(turn)) {
    turn.quiet();
    return false;
  }
  const result = tryCode(turn, raw, data, fromLink);
  if (!result) return true;
  turn.say(withWayOut(turn, turn.t(result.error, result.params)));
  return false;
}

export function codeStep(onAccepted: (turn: Turn) => void): Step {
  return {
    ask: (turn) => ({ text: turn.t('registration:code.ask') }),
    // "I lost my letter", "how can I register without a code?": the team is asked to find the code.
    hear(turn, text) {
      if (!mentionsLostLetter(text)) return false;
      // "j ai perdu ma lettre" is 16 letters once its spaces are dropped, the shape of another
      // service's code: only a code the panel knows is read as a code here.
      const code = normalizeCode(text);
      if (code && findInvitation(turn.services.db, code)) return false;
      turn.push(LOST_LETTER_FLOW);
      return true;
    },
    answer(turn, answer): StepResult {
      // Before registration opens or after it closes: said kindly, and the code is not asked again.
      if (outsideWindow(turn)) return turn.quiet();
      const result = tryCode(turn, answer.text, turn.frame.data);
      if (result) return result;
      onAccepted(turn);
    },
  };
}
