// Easy-read: a person asks for simpler messages ("simple", "eenvoudig", "einfach", "easy") and gets
// each text's easy-read version (`key_easy` in the locale file, i18next's context) from then on,
// until they ask for normal text again ("texte normal", "normale tekst", "normaler Text",
// "normal text": two words, so that a one-word answer such as "normal" to a diet question stays an
// answer). The choice is kept with the person; an easy-read letter switches it on until they choose.
import type { Command } from './commands';
import type { Turn } from './flow';

/** After the confirmation, the pending question again (nothing is pending at home). */
function goOn(turn: Turn): void {
  if (turn.frame.flow === 'home') return turn.quiet();
  turn.goto(turn.frame.step);
}

export const easyReadCommand: Command = {
  id: 'easyread',
  // Also before a language is chosen: the welcome is then shown again in easy-read.
  appliesTo: () => true,
  run(turn) {
    turn.setEasyRead(true);
    turn.say(turn.t('common:easyRead.on'));
    goOn(turn);
  },
};

export const normalTextCommand: Command = {
  id: 'normaltext',
  appliesTo: () => true,
  run(turn) {
    turn.setEasyRead(false);
    turn.say(turn.t('common:easyRead.off'));
    goOn(turn);
  },
};

export const easyReadCommands: Command[] = [easyReadCommand, normalTextCommand];

/** A code from an easy-read letter: easy-read starts, unless the person already chose. */
export function easyReadFromLetter(turn: Turn, letterIsEasy: boolean | undefined): void {
  if (letterIsEasy && turn.person.easyRead === null) turn.setEasyRead(true);
}
