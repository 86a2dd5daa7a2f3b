// The answer to a reminder that asked "will you be there?", and a reserve's answer to a seat
// offer. The dispatcher puts these frames on the conversation when the message is sent.
import type { Flow, Turn } from '../conversation/flow';
import { answerSeatOffer, declineEvent, recordAnswer, type AttendanceAnswer } from './attendance';
import { findEvent } from '../panel/calendar';

const eventOf = (turn: Turn) => findEvent(turn.services.db, turn.services.config, String(turn.frame.data.event ?? ''));
const titleOf = (turn: Turn) => eventOf(turn)?.title[turn.lang] ?? '';

export const attendanceFlow: Flow = {
  id: 'attendance',
  firstStep: 'ask',
  steps: {
    ask: {
      ask: (turn) => ({
        text: turn.t('reminders:attendanceAsk', { title: titleOf(turn) }),
        choices: [
          { id: 'yes', label: turn.t('common:yes') },
          { id: 'no', label: turn.t('common:no') },
          { id: 'unsure', label: turn.t('common:notSure') },
        ],
      }),
      answer(turn, answer) {
        const { db, config } = turn.services;
        const event = eventOf(turn);
        const choice = answer.choiceId as AttendanceAnswer;
        if (event) {
          if (choice === 'no') declineEvent(db, config, turn.person, event, turn.now);
          else recordAnswer(db, config, turn.person.id, event, choice, turn.now);
        }
        turn.say(turn.t(`reminders:attendance.${choice}`, { title: titleOf(turn) }));
        turn.pop();
        turn.quiet();
      },
    },
    seat: {
      ask: (turn) => ({
        text: turn.t('reminders:seatAsk', { title: titleOf(turn) }),
        choices: [
          { id: 'yes', label: turn.t('common:yes') },
          { id: 'no', label: turn.t('common:no') },
        ],
      }),
      answer(turn, answer) {
        const { db, config } = turn.services;
        const outcome = answerSeatOffer(db, config, turn.person, Number(turn.frame.data.offer), answer.choiceId === 'yes', turn.now);
        turn.say(turn.t(`reminders:seat.${outcome}`, { title: titleOf(turn) }));
        turn.pop();
        turn.quiet();
      },
    },
  },
};
