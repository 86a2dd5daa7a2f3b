// A complete registration typed in the terminal chat, for tests that start from a registered person.
import type { TestPanel, TestUser } from './chat';

export const ENGLISH_ANSWERS = (code: string) => [
  'English', code, 'continue', 'yes', 'Ann', 'Peeters', '21/03/1990', 'Woman', '9000', 'University', 'Belgian', 'yes',
  'no', 'no', 'no', 'no', 'yes', '0470 12 34 56', 'Yes, register me',
];

export function registered(panel: TestPanel, userId: string, answers?: string[]): TestUser {
  const [code] = panel.invite(1, 'nl');
  const user = panel.user(userId);
  for (const answer of answers ?? ENGLISH_ANSWERS(code!)) user.says(answer);
  if (!user.last.some((o) => /registered/i.test(o.text))) throw new Error(`registration did not finish: ${user.last.map((o) => o.text).join(' | ')}`);
  return user;
}
