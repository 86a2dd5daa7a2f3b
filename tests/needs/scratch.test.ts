import { it } from 'vitest';
import { testPanel } from '../helpers/chat';
import { register, drawn } from './helpers';
it('scratch', () => {
  const panel = testPanel();
  const u = register(panel, 'ann', { lang: 'en', firstName: 'Ann', lastName: 'Peeters', birthDate: '21/03/1990', postcode: '6700' });
  console.log(u.last.map((o) => o.text).join('|'));
  drawn(panel, 'ann');
  for (const a of ['yes', '1', 'Vegetarian', 'yes', '2', '3', '7', 'Only some days', '1', '2', '1', 'Done', 'no', 'wheelchair', 'skip', 'skip', 'car', 'yes', 'A quiet room']) {
    console.log('> ' + a + '\n' + u.says(a));
  }
  console.log('> my needs\n' + u.says('my needs'));
  panel.close();
});
