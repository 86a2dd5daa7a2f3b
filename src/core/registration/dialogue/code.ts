// The invitation code step: format and check character first (typing mistakes are named as such),
// then the letter itself. Wrong codes are limited per person, and a burst across people is
// reported to the organisers.
import type { FrameData, Step, Turn } from '../../conversation/flow';
import { checkCode, formatCode, normalizeCode } from '../invitation-code';
import { claimInvitation, findInvitation, oldestWrongCodeSince, recordWrongCode, wrongCodesSince } from '../../../db/repos/invitations';
import { lastAlertOf, raiseAlert } from '../../../db/repos/alerts';

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
 * Tries a code for this person; says what went wrong when it fails.
 * On success the code is claimed and kept in data.code.
 */
export function applyCode(turn: Turn, raw: string, data: FrameData, fromLink = false): boolean {
  const { db, config } = turn.services;
  const limit = config.registration.wrongCodes.perPersonPerHour;
  if (wrongCodesSince(db, new Date(turn.now.getTime() - HOUR), turn.person.id) >= limit) {
    turn.say(turn.t('registration:code.tooMany', { minutes: minutesUntilRetry(turn), ...helpParams(turn) }));
    return false;
  }
  const code = normalizeCode(raw);
  const check = code ? checkCode(code) : 'format';
  if (!code || check === 'format') {
    turn.say(turn.t(fromLink ? 'registration:code.linkInvalid' : 'registration:code.format'));
    return false;
  }
  if (check === 'checksum') {
    wrongCode(turn);
    turn.say(turn.t('registration:code.typo'));
    return false;
  }
  const invitation = findInvitation(db, code);
  if (!invitation) {
    wrongCode(turn);
    turn.say(turn.t('registration:code.unknown'));
    return false;
  }
  if (!claimInvitation(db, code, turn.person.id, turn.now)) {
    turn.say(turn.t('registration:code.used', helpParams(turn)));
    return false;
  }
  data.code = code;
  turn.say(turn.t('registration:code.accepted', { code: formatCode(code) }));
  return true;
}

export function codeStep(onAccepted: (turn: Turn) => void): Step {
  return {
    ask: (turn) => ({ text: turn.t('registration:code.ask') }),
    answer(turn, answer) {
      if (applyCode(turn, answer.text, turn.frame.data)) onAccepted(turn);
      else turn.goto('code');
    },
  };
}
