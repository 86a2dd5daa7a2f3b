// npm run readability [-- fr|nl|de|en] [namespace…] [--easy|--standard] [--text] [--prune]
// Prints, per namespace and language, every citizen text that fails its level (tests/readability/texts.ts)
// with its score and its longest sentence, whether it is on the allow-list or not: the writers' work list.
//   --easy / --standard  one level only (default both)
//   --text               print the whole text too
//   --prune              take off the allow-lists the texts that now pass (never adds one)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Language } from '../../src/core/panel/config';
import { measure, sentences } from '../helpers/readability';
import { citizenTexts, EASY, MIN_WORDS_FOR_SCORE, problems, STANDARD, type CitizenText, type Level } from './texts';

// A pager or head closing the pipe ends the listing quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : undefined));
const here = path.dirname(fileURLToPath(import.meta.url));
// argv: node, bin/run-ts.mjs, this file, then the arguments.
const args = process.argv.slice(3);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const words = args.filter((a) => !a.startsWith('--'));
const lngs = words.filter((w): w is Language => (LANGUAGES as readonly string[]).includes(w));
const namespaces = words.filter((w) => !(LANGUAGES as readonly string[]).includes(w));

const ALL_LEVELS: Array<{ level: Level; file: string; text: (t: CitizenText) => string }> = [
  { level: STANDARD, file: 'allow-list.json', text: (t) => t.text },
  { level: EASY, file: 'easy-allow-list.json', text: (t) => t.easy },
];
const LEVELS = ALL_LEVELS.filter(({ level }) => !(flags.has('--easy') && level !== EASY) && !(flags.has('--standard') && level !== STANDARD));

const texts = citizenTexts().filter(
  (t) => (lngs.length === 0 || lngs.includes(t.lng)) && (namespaces.length === 0 || namespaces.includes(t.ns)),
);

function longest(text: string): string[] {
  return sentences(text).reduce<string[]>((a, s) => (s.length > a.length ? s : a), []);
}

let total = 0;
for (const { level, file, text } of LEVELS) {
  const listFile = path.join(here, file);
  const allowed: string[] = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const failing = texts.filter((t) => problems(t.lng, text(t), level).length > 0);
  console.log(`\n### ${level.name}: score ≥ ${level.minScore} (texts of ${MIN_WORDS_FOR_SCORE}+ words), sentences ≤ ${level.maxSentenceWords} words — ${failing.length} failing`);
  const groups = new Map<string, CitizenText[]>();
  for (const t of failing) groups.set(`${t.ns} ${t.lng}`, [...(groups.get(`${t.ns} ${t.lng}`) ?? []), t]);
  for (const [group, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`\n== ${group} (${list.length})`);
    for (const t of list) {
      const shown = text(t);
      const m = measure(shown, t.lng);
      const key = level === EASY && t.hasEasy ? `${t.key} (its _easy)` : t.key;
      const listed = allowed.includes(t.id) ? '' : '  NOT ON THE ALLOW-LIST';
      console.log(`  ${key}: score ${m.score.toFixed(0)}, ${m.words} words, longest sentence ${m.longestSentence} words${listed}`);
      console.log(`      longest: ${longest(shown).join(' ')}`);
      if (flags.has('--text')) console.log(`      text: ${shown.replace(/\n/g, '\n            ')}`);
    }
  }
  total += failing.length;
  if (flags.has('--prune')) {
    const all = new Map(citizenTexts().map((t) => [t.id, t]));
    const kept = allowed.filter((id) => {
      const t = all.get(id);
      return t !== undefined && problems(t.lng, text(t), level).length > 0;
    });
    fs.writeFileSync(listFile, `${JSON.stringify(kept, null, 2)}\n`);
    console.log(`\n${file}: ${allowed.length} → ${kept.length} (${allowed.length - kept.length} taken off)`);
  }
}
console.log(`\n${total} failing in all.`);
