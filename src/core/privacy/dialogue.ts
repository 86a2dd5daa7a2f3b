// The person's rights, in the chat: see my data, correct it, withdraw, delete me, stop messages.
import type { Flow, Turn } from '../conversation/flow';
import type { Command } from '../conversation/commands';
import { personalData, withdraw, cancelPending } from '../../db/repos/privacy';
import { erasePerson } from './erase';
import { answersFromRow } from '../registration/fields';
import { registrationOf as storedRegistration } from '../../db/repos/registrations';
import { setEssentialOnly } from '../../db/repos/people';
import { raiseAlert } from '../../db/repos/alerts';
import { summaryLines } from '../registration/dialogue/index';
import { claimOf } from '../compensation/compensation';
import { maskIban } from '../compensation/iban';
import { paymentKeptUntil } from '../compensation/payment-records';
import { formatDate } from '../panel/time';
import { retentionDue } from './retention';

const registrationOf = (turn: Turn) => storedRegistration(turn.services.db, turn.person.id);

const hasLanguage = (turn: Turn) => turn.person.language !== null && turn.frame.flow !== 'welcome';

function confirmFlow(id: string, onYes: (turn: Turn) => void, warning?: (turn: Turn) => string | null): Flow {
  return {
    id,
    firstStep: 'confirm',
    steps: {
      confirm: {
        ask: (turn) => ({
          text: [turn.t(`rights:${id}.ask`), warning?.(turn)].filter(Boolean).join('\n\n'),
          choices: [
            { id: 'yes', label: turn.t(`rights:${id}.yes`) },
            { id: 'no', label: turn.t('common:no') },
          ],
        }),
        answer(turn, answer) {
          if (answer.choiceId !== 'yes') {
            turn.say(turn.t('rights:keptAsIs'));
            turn.pop();
            return;
          }
          onYes(turn);
        },
      },
    },
  };
}

export const withdrawFlow = confirmFlow('withdraw', (turn) => {
  withdraw(turn.services.db, turn.person.id, turn.now);
  raiseAlert(turn.services.db, 'withdrawal', { person: turn.person.pseudonym }, turn.now);
  turn.services.log.info({ person: turn.person.pseudonym }, 'withdrew from the panel');
  turn.say(turn.t('rights:withdraw.done'));
  turn.replace('home');
  turn.quiet();
});

export const eraseFlow = confirmFlow(
  'erase',
  (turn) => {
    const { db, log, config, i18n } = turn.services;
    const lang = turn.lang;
    // Read before the erasure: the person's row (and their easy-read choice) goes with it.
    const easy = turn.easy;
    const money = erasePerson(db, turn.person.id);
    log.info({ person: turn.person.pseudonym, money: money.kind }, 'personal data erased on request');
    // Exactly what is kept of the money, and until when (accounting law).
    const text =
      money.kind === 'paid'
        ? i18n.t(lang, 'rights:erase.donePaid', { until: formatDate(paymentKeptUntil(money.paidAt, config), lang, config.panel.timezone) }, easy)
        : money.kind === 'in_flight'
          ? i18n.t(lang, 'rights:erase.doneInFlight', { years: config.compensation.keepPaymentYears }, easy)
          : money.kind === 'dropped'
            ? i18n.t(lang, 'rights:erase.doneDropped', undefined, easy)
            : i18n.t(lang, 'rights:erase.done', undefined, easy);
    turn.say(text);
    turn.forget();
  },
  (turn) => {
    const claim = claimOf(turn.services.db, turn.person.id);
    return claim && !claim.exportedAt && !claim.paidAt ? turn.t('rights:erase.askDropsClaim') : null;
  },
);

/** The compensation line of "my data", when there is a claim. */
function compensationLine(turn: Turn): string | null {
  const claim = claimOf(turn.services.db, turn.person.id);
  if (!claim) return null;
  const { config } = turn.services;
  const zone = config.panel.timezone;
  const params = { amount: claim.amountCents / 100, currency: claim.currency, holder: claim.holder, iban: maskIban(claim.iban) };
  if (claim.paidAt) {
    return turn.t('rights:mydata.compensation.paid', {
      ...params,
      date: formatDate(claim.paidAt, turn.lang, zone),
      until: formatDate(paymentKeptUntil(claim.paidAt, config), turn.lang, zone),
    });
  }
  return turn.t(claim.exportedAt ? 'rights:mydata.compensation.exported' : 'rights:mydata.compensation.confirmed', params);
}

/** What "my data" says, for every status of the registration: true to what the attached file holds. */
function myDataText(turn: Turn): string {
  const reg = registrationOf(turn);
  const money = compensationLine(turn);
  let text: string;
  if (reg?.status === 'registered') text = `${turn.t('rights:mydata.title')}\n${dataSummary(turn)}`;
  else if (reg?.status === 'withdrawn') {
    const until = formatDate(retentionDue(turn.services.db, turn.services.config), turn.lang, turn.services.config.panel.timezone);
    text = `${turn.t('rights:mydata.withdrawn', { until })}\n${dataSummary(turn)}`;
  } else if (reg?.status === 'ineligible') text = turn.t('rights:mydata.ineligible');
  else text = turn.t('rights:mydata.none');
  if (money) text += `\n\n${money}`;
  // Someone withdrawn can no longer correct or withdraw: the file only (the withdrawn text says how to erase).
  if (reg?.status === 'registered') text += `\n\n${turn.t('rights:mydata.more')}`;
  else if (reg?.status === 'withdrawn') text += `\n\n${turn.t('rights:mydata.file')}`;
  return text;
}

function dataSummary(turn: Turn): string {
  const reg = registrationOf(turn);
  if (!reg || (reg.status !== 'registered' && reg.status !== 'withdrawn')) return turn.t('rights:mydata.none');
  return summaryLines(turn, answersFromRow(reg));
}

export const rightsCommands: Command[] = [
  {
    id: 'mydata',
    appliesTo: hasLanguage,
    run(turn) {
      turn.services.log.info({ person: turn.person.pseudonym }, 'personal data viewed by the person');
      turn.say({
        text: myDataText(turn),
        attachment: {
          filename: 'panelbot-my-data.json',
          mimeType: 'application/json',
          content: JSON.stringify(personalData(turn.services.db, turn.person.id), null, 2),
        },
      });
      turn.goto(turn.frame.step);
    },
  },
  {
    id: 'correct',
    appliesTo: hasLanguage,
    run(turn) {
      const reg = registrationOf(turn);
      if (!reg || reg.status !== 'registered') {
        // Withdrawn, not eligible or erased: there is a record, but no answer to change any more.
        turn.say(turn.t(reg ? 'rights:correctClosed' : 'rights:mydata.none'));
        return turn.goto(turn.frame.step);
      }
      const answers = answersFromRow(reg);
      turn.push('registration', 'pickCorrection', { editing: true, code: reg.invitationCode, answers, consentAt: reg.consentAt?.getTime() });
    },
  },
  {
    id: 'withdraw',
    appliesTo: (turn) => hasLanguage(turn) && registrationOf(turn)?.status === 'registered',
    run: (turn) => turn.push('withdraw'),
  },
  {
    id: 'erase',
    appliesTo: hasLanguage,
    run: (turn) => turn.push('erase'),
  },
  {
    id: 'stop',
    appliesTo: hasLanguage,
    run(turn) {
      setEssentialOnly(turn.services.db, turn.person.id, true);
      cancelPending(turn.services.db, turn.person.id, 'essential_only', true);
      turn.say(turn.t('rights:stop.done'));
      turn.goto(turn.frame.step);
    },
  },
  {
    id: 'allmessages',
    appliesTo: hasLanguage,
    run(turn) {
      setEssentialOnly(turn.services.db, turn.person.id, false);
      turn.say(turn.t('rights:stop.undone'));
      turn.goto(turn.frame.step);
    },
  },
];
