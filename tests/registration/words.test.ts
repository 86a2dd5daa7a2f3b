// Answers typed in words, in the four languages.
import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../src/core/registration/parse';
import { daysInWords, genderInWords } from '../../src/core/registration/words';
import { matchChoice, UNIVERSAL_SYNONYMS } from '../../src/core/conversation/text';

describe('dates in words', () => {
  it('are read in French, Dutch, German and English', () => {
    for (const text of ['3 avril 1985', 'le 3 avril 1985', '3 april 1985', '3. April 1985', 'April 3, 1985', '3 Apr 1985']) {
      expect(parseBirthDate(text), text).toEqual({ ok: '1985-04-03' });
    }
    expect(parseBirthDate('1er mars 1990')).toEqual({ ok: '1990-03-01' });
    expect(parseBirthDate('14 juillet 1985')).toEqual({ ok: '1985-07-14' });
    expect(parseBirthDate('7 maart 1970')).toEqual({ ok: '1970-03-07' });
    expect(parseBirthDate('7. März 1970')).toEqual({ ok: '1970-03-07' });
    expect(parseBirthDate('30 février 1990')).toEqual({ error: 'impossible' });
    expect(parseBirthDate('avril 1985')).toEqual({ error: 'format' });
    expect(parseBirthDate('hier')).toEqual({ error: 'format' });
  });
});

describe('genders in words', () => {
  it('name an option only when clearly one', () => {
    expect(genderInWords('je suis une femme')).toBe('woman');
    expect(genderInWords('vrouwelijk')).toBe('woman');
    expect(genderInWords('Ich bin eine Frau')).toBe('woman');
    expect(genderInWords('Man')).toBe('man');
    expect(genderInWords('homme')).toBe('man');
    expect(genderInWords('männlich')).toBe('man');
    expect(genderInWords('non-binaire')).toBe('non_binary');
    expect(genderInWords('genderfluid')).toBeUndefined();
    expect(genderInWords('femme trans')).toBeUndefined();
  });
});

describe('days in words', () => {
  const offered = ['2027-02-20', '2027-02-21', '2027-03-13', '2027-03-14'];
  it('reads weekday names, dates and "all"', () => {
    expect(daysInWords('samedi', offered)).toEqual(['2027-02-20', '2027-03-13']);
    expect(daysInWords('zaterdag en zondag', offered)).toEqual(offered);
    expect(daysInWords('Sonntag 21', offered)).toEqual(['2027-02-21']);
    expect(daysInWords('tous', offered)).toEqual(offered);
    expect(daysInWords('alle', offered)).toEqual(offered);
    expect(daysInWords('lundi', offered)).toBeUndefined();
    expect(daysInWords('quand il pleut', offered)).toBeUndefined();
  });
});

describe('words typed without an apostrophe', () => {
  const yesNo = [{ id: 'yes', label: 'Oui' }, { id: 'no', label: 'Non' }];
  it('mean the same as with one', () => {
    expect(matchChoice("d'accord", yesNo, UNIVERSAL_SYNONYMS)).toBe('yes');
    expect(matchChoice('d accord', yesNo, UNIVERSAL_SYNONYMS)).toBe('yes');
    expect(matchChoice('D’accord !', yesNo, UNIVERSAL_SYNONYMS)).toBe('yes');
    expect(matchChoice('daccord', yesNo, UNIVERSAL_SYNONYMS)).toBe('yes');
    expect(matchChoice('c est bon', yesNo, UNIVERSAL_SYNONYMS)).toBe('yes');
    expect(genderInWords("I'm a woman")).toBe('woman');
    expect(genderInWords('im a man')).toBe('man');
  });
});
