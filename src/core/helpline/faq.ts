// The FAQ: one Markdown file per language (faq/<lng>.md, format in faq/README.md), searched
// with MiniSearch. Only a confident match is answered; anything else goes to a person.
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { LANGUAGES, type Language, type PanelConfig } from '../panel/config';
import { processTerm } from './faq-words';
import { formatDate, formatTime } from '../panel/time';
import type { PanelCalendar } from '../panel/calendar';
import { packagePath } from '../../paths';
import { frenchTypography } from '../conversation/typography';

export interface FaqEntry {
  /** The entry's place in its file, from 1: stable enough to say which answer was given. */
  id: number;
  question: string;
  keywords: string[];
  answer: string;
  /** The easy-read answer (an `easy:` paragraph after the answer), sent to a person who asked for easy-read. */
  easy?: string;
}

export interface FaqMatch {
  entry: FaqEntry;
  score: number;
  /** Share of the question's meaningful words found in the entry's question or keywords. */
  coverage: number;
}

/** A match counts only when at least this share of the meaningful words was found… */
export const MIN_COVERAGE = 0.5;
/** …and the best entry clearly beats the next one (scores are relative, BM25). */
export const MIN_LEAD = 1.3;
/** Longer messages are stories, not FAQ questions: a person reads them. */
export const MAX_TERMS = 12;

const PACKAGE_FAQ_DIR = packagePath('faq');

/**
 * Reads one FAQ file: "## question", an optional "keywords:" line, the answer, then optionally a
 * line starting "easy:" and the easy-read answer up to the next heading.
 */
export function parseFaq(markdown: string): FaqEntry[] {
  const entries: FaqEntry[] = [];
  const text = markdown.replace(/<!--[\s\S]*?-->/g, '');
  const sections = text.split(/^##[ \t]+/m).slice(1);
  for (const section of sections) {
    const [heading = '', ...rest] = section.split('\n');
    let keywords: string[] = [];
    const body: string[] = [];
    let easyLines: string[] | undefined;
    for (const line of rest) {
      const kw = /^\s*keywords\s*:(.*)$/i.exec(line);
      const easy = /^\s*easy\s*:(.*)$/i.exec(line);
      if (easyLines) easyLines.push(line);
      else if (kw && body.every((l) => l.trim() === '')) keywords = kw[1]!.split(',').map((k) => k.trim()).filter(Boolean);
      else if (easy && body.some((l) => l.trim() !== '')) easyLines = [easy[1]!];
      else body.push(line);
    }
    const answer = body.join('\n').trim();
    const easy = easyLines?.join('\n').trim();
    if (heading.trim() && answer) entries.push({ id: entries.length + 1, question: heading.trim(), keywords, answer, ...(easy ? { easy } : {}) });
  }
  return entries;
}

const tokenize = (text: string): string[] => text.split(/[\n\r\p{Z}\p{P}\p{S}]+/u).filter(Boolean);

class LanguageIndex {
  private readonly search: MiniSearch<{ id: number; question: string; keywords: string }>;
  constructor(
    readonly entries: FaqEntry[],
    private readonly lng: Language,
  ) {
    this.search = new MiniSearch({
      fields: ['question', 'keywords'],
      tokenize,
      processTerm: (term) => processTerm(term, lng),
      searchOptions: {
        // The question's words are processed once, in match().
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        boost: { keywords: 1.5 },
        prefix: (term) => term.length >= 4,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        combineWith: 'OR',
      },
    });
    this.search.addAll(entries.map((e) => ({ id: e.id, question: e.question, keywords: e.keywords.join(', ') })));
  }

  match(question: string): FaqMatch | undefined {
    const terms = new Set(
      tokenize(question)
        .map((t) => processTerm(t, this.lng))
        .filter((t): t is string => t !== null),
    );
    if (terms.size === 0 || terms.size > MAX_TERMS) return undefined;
    const [best, second] = this.search.search([...terms].join(' '));
    if (!best) return undefined;
    const coverage = new Set(best.queryTerms).size / terms.size;
    if (coverage < MIN_COVERAGE) return undefined;
    if (second && best.score < MIN_LEAD * second.score) return undefined;
    const entry = this.entries.find((e) => e.id === best.id)!;
    return { entry, score: best.score, coverage };
  }
}

export class Faq {
  private readonly indexes = new Map<Language, LanguageIndex>();
  constructor(entries: Partial<Record<Language, FaqEntry[]>>) {
    for (const lng of LANGUAGES) {
      const list = entries[lng];
      if (list?.length) this.indexes.set(lng, new LanguageIndex(list, lng));
    }
  }

  entries(lng: Language): FaqEntry[] {
    return this.indexes.get(lng)?.entries ?? [];
  }

  /** The entry that confidently answers the question, if any. */
  match(lng: Language, question: string): FaqMatch | undefined {
    return this.indexes.get(lng)?.match(question);
  }
}

/** The folder named in the configuration: as given, or relative to the working directory, else the packaged one. */
export function resolveFaqDir(dir: string): string {
  if (path.isAbsolute(dir)) return dir;
  const fromCwd = path.resolve(dir);
  return fs.existsSync(fromCwd) ? fromCwd : path.resolve(PACKAGE_FAQ_DIR, '..', dir);
}

export function loadFaq(dir: string): Faq {
  const entries: Partial<Record<Language, FaqEntry[]>> = {};
  for (const lng of LANGUAGES) {
    const file = path.join(dir, `${lng}.md`);
    if (fs.existsSync(file)) entries[lng] = parseFaq(fs.readFileSync(file, 'utf8'));
  }
  return new Faq(entries);
}

// Organisers edit the files while panelbot runs: reload when one changes.
const cache = new Map<string, { stamp: string; faq: Faq }>();

export function faqFor(config: PanelConfig): Faq {
  const dir = resolveFaqDir(config.helpline.faqDir);
  const stamp = LANGUAGES.map((lng) => {
    try {
      return fs.statSync(path.join(dir, `${lng}.md`)).mtimeMs;
    } catch {
      return 0;
    }
  }).join('/');
  const cached = cache.get(dir);
  if (cached && cached.stamp === stamp) return cached.faq;
  const faq = loadFaq(dir);
  cache.set(dir, { stamp, faq });
  return faq;
}

/** The answer (its easy-read one if asked and written) with the panel's own facts filled in ({{amount}}, {{events}}, …). */
export function renderAnswer(entry: FaqEntry, lng: Language, config: PanelConfig, calendar: PanelCalendar, easy = false): string {
  const tz = calendar.timeZone;
  const events = calendar
    .chronological()
    .map((e) => {
      const start = e.startAt;
      const end = e.endAt;
      const days = formatDate(start, lng, tz) + (formatDate(end, lng, tz) !== formatDate(start, lng, tz) ? ` – ${formatDate(end, lng, tz)}` : '');
      return `• ${e.title[lng]}: ${days}, ${formatTime(start, lng, tz)}`;
    })
    .join('\n');
  const values: Record<string, string> = {
    amount: String(config.compensation.amount),
    currency: config.compensation.currency,
    hotelDistanceKm: String(config.venue.hotelDistanceKm),
    venue: config.venue.name[lng],
    address: config.venue.address[lng],
    phone: config.helpline.phone,
    email: config.helpline.email,
    hours: config.helpline.hours[lng],
    panelSize: String(config.draw.panelSize),
    minimumAge: String(config.registration.minimumAge),
    retentionMonths: String(config.retention.monthsAfterEnd),
    organiser: config.panel.organiser,
    website: config.panel.website ?? '',
    events,
  };
  const text = (easy && entry.easy ? entry.easy : entry.answer).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
  return lng === 'fr' ? frenchTypography(text) : text;
}
