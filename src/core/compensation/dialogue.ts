// Bank details for the compensation: the account holder's name, the IBAN (checked), a confirmation.
// Opened by the message sent after the last weekend (planCompensation); the details stay in the
// conversation only until confirmed, then move to their own table.
import type { Flow, Turn } from '../conversation/flow';
import { checkIban, formatIban } from './iban';
import { saveClaim } from './compensation';

const NAME = /^[\p{L}][\p{L}\p{M}' .,&/-]{1,69}$/u;

function leave(turn: Turn): void {
  turn.pop();
  if (turn.frame.flow === 'home') turn.quiet();
}

export const compensationFlow: Flow = {
  id: 'compensation',
  firstStep: 'holder',
  steps: {
    holder: {
      freeText: true,
      ask: (turn) => ({ text: turn.t('compensation:holderAsk') }),
      answer(turn, answer) {
        const holder = answer.text.replace(/\s+/g, ' ').trim();
        if (!NAME.test(holder)) return { error: 'compensation:holderInvalid' };
        turn.frame.data.holder = holder;
        turn.goto('iban');
      },
    },
    iban: {
      freeText: true,
      ask: (turn) => ({ text: turn.t('compensation:ibanAsk') }),
      answer(turn, answer) {
        const checked = checkIban(answer.text);
        if (!checked.ok) return { error: `compensation:ibanInvalid.${checked.reason}` };
        turn.frame.data.iban = checked.iban;
        turn.goto('confirm');
      },
    },
    confirm: {
      ask: (turn) => ({
        text: turn.t('compensation:confirmAsk', { holder: String(turn.frame.data.holder ?? ''), iban: formatIban(String(turn.frame.data.iban ?? '')) }),
        choices: [
          { id: 'yes', label: turn.t('compensation:confirmYes') },
          { id: 'change', label: turn.t('compensation:confirmChange') },
        ],
      }),
      answer(turn, answer) {
        if (answer.choiceId === 'change') {
          delete turn.frame.data.holder;
          delete turn.frame.data.iban;
          return turn.goto('holder');
        }
        const { holder, iban } = turn.frame.data;
        if (typeof holder !== 'string' || typeof iban !== 'string') return turn.goto('holder');
        const saved = saveClaim(turn.services.db, turn.services.config, { personId: turn.person.id, pseudonym: turn.person.pseudonym, holder, iban }, turn.now);
        turn.say(turn.t(saved === 'saved' ? 'compensation:saved' : 'compensation:locked'));
        leave(turn);
      },
    },
  },
};
