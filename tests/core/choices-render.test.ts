// Choices read the same everywhere: numbered once, on Telegram buttons and in plain text.
import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/bots/render-text';
import { CallbackCodec, keyboard } from '../../src/bots/telegram/render';

const scale = [
  { id: '1', label: '1 - Strongly disagree' },
  { id: '2', label: '2 - Disagree' },
  { id: '3', label: 'Neither agree nor disagree' },
];

describe('choices', () => {
  it('are numbered once in plain text (WhatsApp, terminal)', () => {
    const text = renderPlain({ text: 'How much do you agree?', choices: scale });
    expect(text).toContain('  1. Strongly disagree');
    expect(text).not.toContain('1. 1 -');
    expect(text).toContain('  3. Neither agree nor disagree');
  });

  it('carry on Telegram the same numbers as in the text', () => {
    const buttons = keyboard(scale, new CallbackCodec()).inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual(['1. Strongly disagree', '2. Disagree', '3. Neither agree nor disagree']);
  });
});
