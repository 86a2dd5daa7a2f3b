// Answers typed in words, in any of the four languages: dates ("3 april 1985", "1er mars 1990"),
// genders ("je suis une femme", "vrouwelijk"), weekdays ("samedi", "zaterdag en zondag").
// Each is a plain function so that a registration field can name its parser.
import { normalize } from '../conversation/text';

const MONTHS: Array<[number, string[]]> = [
  [1, ['janvier', 'janv', 'januari', 'januar', 'janner', 'january', 'jan']],
  [2, ['fevrier', 'fevr', 'fev', 'februari', 'februar', 'february', 'feb', 'febr']],
  [3, ['mars', 'maart', 'marz', 'march', 'mar', 'mrt', 'maa']],
  [4, ['avril', 'avr', 'april', 'apr']],
  [5, ['mai', 'mei', 'may']],
  [6, ['juin', 'juni', 'june', 'jun']],
  [7, ['juillet', 'juil', 'juli', 'july', 'jul']],
  [8, ['aout', 'augustus', 'august', 'aug']],
  [9, ['septembre', 'sept', 'september', 'sep']],
  [10, ['octobre', 'oct', 'oktober', 'october', 'okt']],
  [11, ['novembre', 'nov', 'november']],
  [12, ['decembre', 'dec', 'december', 'dezember', 'dez']],
];
const MONTH_OF = new Map(MONTHS.flatMap(([m, names]) => names.map((n) => [n, m] as const)));

/**
 * A date written with the month in words: "3 april 1985", "le 1er mars 1990", "3. April 1985",
 * "April 3, 1985". Returns day, month and year, or undefined when it is not such a date.
 */
export function dateInWords(text: string): { d: number; m: number; y: number } | undefined {
  const words = normalize(text)
    .replace(/[,.]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['le', 'de', 'den', 'the', 'of', 'am', 'op', 'on', 'ne', 'nee', 'geboren', 'born'].includes(w));
  let d: number | undefined, m: number | undefined, y: number | undefined;
  for (const w of words) {
    const day = /^(\d{1,2})(er|e|ste|de|st|nd|rd|th)?$/.exec(w);
    if (day && d === undefined && Number(day[1]) <= 31) d = Number(day[1]);
    else if (/^\d{4}$/.test(w) && y === undefined) y = Number(w);
    else if (MONTH_OF.has(w) && m === undefined) m = MONTH_OF.get(w);
    else if (w === 'premier' || w === 'eerste' || w === 'erste' || w === 'first') d ??= 1;
    else return undefined;
  }
  return d !== undefined && m !== undefined && y !== undefined ? { d, m, y } : undefined;
}

const GENDER_WORDS: Record<'woman' | 'man' | 'non_binary', string[]> = {
  woman: ['femme', 'feminin', 'feminine', 'f', 'fille', 'vrouw', 'vrouwelijk', 'v', 'meisje', 'frau', 'weiblich', 'w', 'madchen', 'woman', 'female', 'girl', 'lady', 'mevrouw', 'madame'],
  man: ['homme', 'masculin', 'h', 'garcon', 'man', 'mannelijk', 'jongen', 'mann', 'mannlich', 'junge', 'male', 'boy', 'm', 'meneer', 'monsieur', 'herr'],
  non_binary: ['non binaire', 'nonbinaire', 'non-binaire', 'niet binair', 'niet-binair', 'nonbinair', 'non binar', 'nicht binar', 'nichtbinar', 'nicht-binar', 'non binary', 'nonbinary', 'non-binary', 'enby', 'nb', 'x'],
};

/** "je suis une femme", "ik ben een man", "Ich bin weiblich": one of the options, or undefined (a description of one's own). */
export function genderInWords(text: string): 'woman' | 'man' | 'non_binary' | undefined {
  const said = normalize(text)
    .replace(/^(je suis|suis|ik ben|ben|ich bin|bin|i am|i m|im)\s+/, '')
    .replace(/^(une|un|een|eine|ein|a|an)\s+/, '')
    .replace(/\s+(persoon|personne|person|mensch)$/, '')
    .trim();
  for (const [id, words] of Object.entries(GENDER_WORDS) as Array<[keyof typeof GENDER_WORDS, string[]]>) {
    if (words.some((w) => normalize(w) === said)) return id;
  }
  return undefined;
}

const WEEKDAYS: Array<[number, string[]]> = [
  [1, ['lundi', 'maandag', 'montag', 'monday', 'mon']],
  [2, ['mardi', 'dinsdag', 'dienstag', 'tuesday', 'tue']],
  [3, ['mercredi', 'woensdag', 'mittwoch', 'wednesday', 'wed']],
  [4, ['jeudi', 'donderdag', 'donnerstag', 'thursday', 'thu']],
  [5, ['vendredi', 'vrijdag', 'freitag', 'friday', 'fri']],
  [6, ['samedi', 'sam', 'zaterdag', 'zat', 'za', 'samstag', 'sa', 'saturday', 'sat']],
  [0, ['dimanche', 'dim', 'zondag', 'zon', 'zo', 'sonntag', 'so', 'sunday', 'sun']],
];
const WEEKDAY_OF = new Map(WEEKDAYS.flatMap(([d, names]) => names.map((n) => [n, d] as const)));
const ALL_WORDS = ['all', 'all days', 'every day', 'everyday', 'both', 'tous', 'tout', 'tous les jours', 'les deux', 'chaque jour', 'alle', 'alle dagen', 'allemaal', 'elke dag', 'beide', 'alle tage', 'jeden tag'];

/**
 * Days named in words among the days offered (YYYY-MM-DD): "samedi", "zaterdag en zondag", "all".
 * A weekday names every offered day on that weekday; "samedi 20" only the 20th. Undefined when
 * the text names no day or holds other words.
 */
export function daysInWords(text: string, offered: readonly string[]): string[] | undefined {
  const said = normalize(text);
  if (ALL_WORDS.includes(said)) return [...offered];
  const words = said.split(/[\s,;/+&]+/).filter((w) => w && !['et', 'en', 'und', 'and', 'le', 'de', 'der', 'the', 'on', 'op', 'am'].includes(w));
  const weekdays = new Set<number>();
  const dates = new Set<number>();
  for (const w of words) {
    if (WEEKDAY_OF.has(w)) weekdays.add(WEEKDAY_OF.get(w)!);
    else if (/^\d{1,2}(er|e|ste|de|st|nd|rd|th)?$/.test(w) && Number.parseInt(w, 10) <= 31) dates.add(Number.parseInt(w, 10));
    else if (!MONTH_OF.has(w)) return undefined;
  }
  if (weekdays.size === 0 && dates.size === 0) return undefined;
  const days = offered.filter((day) => {
    const date = new Date(`${day}T12:00:00Z`);
    return (weekdays.size === 0 || weekdays.has(date.getUTCDay())) && (dates.size === 0 || dates.has(date.getUTCDate()));
  });
  return days.length > 0 ? days : undefined;
}
