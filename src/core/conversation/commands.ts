// Global commands: words that work at any step, typed in any of the four languages
// ("aide", "help", "hilfe"…; the words live in locales/<lng>/common.json under commands).
import type { Turn } from './flow';
import { normalize } from './text';
import { mayTellNeeds } from '../../db/repos/needs';

export interface Command {
  id: string;
  /** False where the command makes no sense (e.g. before a language is chosen). */
  appliesTo(turn: Turn): boolean;
  run(turn: Turn): void;
}

export function findCommand(words: Map<string, Command>, text: string): Command | undefined {
  if (text.length > 40) return undefined;
  const said = normalize(text.replace(/^\//, '').replace(/@\w+$/, ''));
  // Punctuation alone ("?") normalizes to nothing: look it up as typed.
  if (said === '') return words.get(text.trim());
  return words.get(said) ?? words.get(said.replace(/_/g, ' '));
}

const whenLanguageChosen = (turn: Turn) => turn.person.language !== null && turn.frame.flow !== 'welcome';

export const helpCommand: Command = {
  id: 'help',
  appliesTo: () => true,
  run(turn) {
    if (turn.frame.flow === 'welcome') {
      turn.goto(turn.frame.step);
      return;
    }
    turn.say(turn.t('common:help', { phone: turn.services.config.helpline.phone, email: turn.services.config.helpline.email }));
    turn.goto(turn.frame.step);
  },
};

export const languageCommand: Command = {
  id: 'language',
  appliesTo: whenLanguageChosen,
  run(turn) {
    if (turn.frame.flow === 'language') return turn.goto(turn.frame.step);
    turn.push('language');
  },
};

export const humanCommand: Command = {
  id: 'human',
  appliesTo: whenLanguageChosen,
  run(turn) {
    if (turn.frame.flow === 'helpline') return turn.goto(turn.frame.step);
    turn.push('helpline');
  },
};

export const restartCommand: Command = {
  id: 'restart',
  // Not while correcting a finished registration: that would start a second one.
  appliesTo: (turn) => whenLanguageChosen(turn) && !turn.frame.data.editing,
  run(turn) {
    if (turn.frame.flow === 'restart') return turn.goto(turn.frame.step);
    turn.push('restart');
  },
};

export const cancelCommand: Command = {
  id: 'cancel',
  appliesTo: whenLanguageChosen,
  run(turn) {
    if (turn.nested) {
      turn.say(turn.t('common:cancelled'));
      turn.pop();
      return;
    }
    // During a registration (not a correction), "cancel" offers to stop registering.
    if (turn.frame.flow === 'registration' && !turn.frame.data.editing && turn.hasFlow('stopRegistration')) {
      turn.push('stopRegistration');
      return;
    }
    turn.say(turn.t('common:nothingToCancel'));
    turn.goto(turn.frame.step);
  },
};

/** "my needs": the needs dialogue (diet, childcare, accessibility…), for selected people who did not decline. */
export const needsCommand: Command = {
  id: 'needs',
  appliesTo: whenLanguageChosen,
  run(turn) {
    if (turn.frame.flow === 'needs') return turn.goto(turn.frame.step);
    if (!mayTellNeeds(turn.services.db, turn.person.id) || !turn.hasFlow('needs')) {
      turn.say(turn.t('needs:notSelected'));
      if (turn.frame.flow === 'home') return turn.quiet();
      return turn.goto(turn.frame.step);
    }
    turn.push('needs');
  },
};

export const coreCommands: Command[] = [helpCommand, languageCommand, humanCommand, restartCommand, cancelCommand, needsCommand];
