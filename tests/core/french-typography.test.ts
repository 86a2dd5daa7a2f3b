// French texts as French typography writes them: "le 1er mars", and a no-break space before the
// colon (and before ? ! ;) so that the sign never starts a line; times and links are left alone.
import { afterEach, describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/core/conversation/typography';
import { formatDate } from '../../src/core/panel/time';
import { longDay, shortDay } from '../../src/core/needs/summary';
import { testPanel, type TestPanel } from '../helpers/chat';

let panel: TestPanel;
afterEach(() => panel?.close());
const NBSP = '\u00a0';
const TZ = 'Europe/Brussels';

describe('French dates and typography', () => {
  it('the first of the month is "1er" in French only', () => {
    const first = new Date('2027-03-01T09:30:00+01:00');
    expect(formatDate(first, 'fr', TZ)).toBe('lundi 1er mars 2027');
    expect(formatDate(new Date('2027-03-02T09:30:00+01:00'), 'fr', TZ)).toBe('mardi 2 mars 2027');
    expect(formatDate(new Date('2027-03-11T09:30:00+01:00'), 'fr', TZ)).toBe('jeudi 11 mars 2027');
    expect(longDay('2027-05-01', 'fr')).toBe('samedi 1er mai');
    expect(shortDay('2027-05-01', 'fr')).toMatch(/^sam\. 1er mai/);
    expect(formatDate(first, 'nl', TZ)).toBe('maandag 1 maart 2027');
    expect(formatDate(first, 'en', TZ)).toBe('Monday, 1 March 2027');
  });

  it('a no-break space before the colon, added where missing; times and links untouched', () => {
    expect(frenchTypography("Ligne d'aide : 02 000 00 00")).toBe(`Ligne d'aide${NBSP}: 02 000 00 00`);
    expect(frenchTypography('Exemple: K7M-2QX-9PR')).toBe(`Exemple${NBSP}: K7M-2QX-9PR`);
    expect(frenchTypography('• aide : ce message\n• langue : changer')).toBe(`• aide${NBSP}: ce message\n• langue${NBSP}: changer`);
    expect(frenchTypography('Rendez-vous à 09:30, voir https://example.org/x')).toBe('Rendez-vous à 09:30, voir https://example.org/x');
    expect(frenchTypography('Serez-vous là ? Oui !')).toBe(`Serez-vous là${NBSP}? Oui${NBSP}!`);
  });

  it('the French texts a person reads are set so (the help)', () => {
    panel = testPanel();
    const u = panel.user('typo');
    u.sends({ kind: 'start' });
    u.says('Français');
    const help = u.says('aide');
    expect(help).toContain(`aide${NBSP}: ce message`);
    expect(help).not.toMatch(/[^\u00a0]:\s/);
  });
});
