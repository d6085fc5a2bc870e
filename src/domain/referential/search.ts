/** Full-text search over criteria, offline, accent- and case-insensitive ("securite" finds « sécurité »). */
import type { Criterion } from './model';

/** What a search shows of a criterion: its code, its title and its description. */
export type SearchedCriterion = Pick<Criterion, 'code' | 'title' | 'description'>;

export interface SearchHit<C extends SearchedCriterion = Criterion> {
  criterion: C;
  score: number;
}

/** The length, in UTF-16 units, of the character at `at`: 2 for a surrogate pair, else 1. */
function charWidth(text: string, at: number): 1 | 2 {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * Whether the character at `at` has a Unicode property: from a table for ASCII, remembered for the others.
 * Indexing the referential's 380 KB of text with the property in global regular expressions (replace, split) took
 * 25 of its 35 ms; a text holds few distinct characters, so each is tested once.
 */
function characterTest(property: RegExp): (text: string, at: number, width: 1 | 2) => boolean {
  const ascii = Array.from({ length: 128 }, (_, code) => property.test(String.fromCharCode(code)));
  const others = new Map<string, boolean>();
  return (text, at, width) => {
    const code = text.charCodeAt(at);
    if (code < 128) return ascii[code]!;
    const char = text.slice(at, at + width);
    let known = others.get(char);
    if (known === undefined) others.set(char, (known = property.test(char)));
    return known;
  };
}

const isDiacritic = characterTest(/^\p{Diacritic}$/u);
const isWordCharacter = characterTest(/^[\p{L}\p{N}.]$/u);

function withoutDiacritics(text: string): string {
  let kept = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const width = charWidth(text, i);
    if (isDiacritic(text, i, width)) {
      kept += text.slice(from, i);
      from = i + width;
    }
    i += width;
  }
  return from === 0 ? text : kept + text.slice(from);
}

export function normalizeForSearch(text: string): string {
  return withoutDiacritics(text.normalize('NFD')).toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** The normalized text's words: its runs of letters, digits and dots (« SR.4.2 » stays one word). */
export function searchWords(text: string): string[] {
  const normalized = normalizeForSearch(text);
  const found: string[] = [];
  let start = -1;
  for (let i = 0; i < normalized.length; ) {
    const width = charWidth(normalized, i);
    if (isWordCharacter(normalized, i, width)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      found.push(normalized.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) found.push(normalized.slice(start));
  return found;
}

/** How much a word weighs where it is found: the title most, then the description, then the rest. */
const FIELD_WEIGHTS = [5, 2, 1] as const;

/** A criterion's words, normalized once: searching then compares prefixes only, at each keystroke. */
export interface IndexedCriterion<C extends SearchedCriterion = Criterion> {
  criterion: C;
  /** Each word once, in the heaviest field it appears in: title, description, then questions, evidence and levels. */
  fields: [string[], number][];
}

export function indexCriterion(c: Criterion): IndexedCriterion {
  const texts = [`${c.code} ${c.title}`, c.description, [...c.guidingQuestions, ...c.expectedEvidence, ...Object.values(c.levels), c.regulatoryBasis ?? ''].join(' ')];
  // A word found in a heavier field scores that field's weight whatever else holds it: the others need not keep it.
  const seen = new Set<string>();
  return {
    criterion: c,
    fields: texts.map((text, i) => [searchWords(text).filter((word) => !seen.has(word) && Boolean(seen.add(word))), FIELD_WEIGHTS[i]!]),
  };
}

/** Where the site publishes its search index (src/pages/recherche-index.json.ts). */
export const SEARCH_INDEX_PATH = '/recherche-index.json';

/**
 * A criterion in the published search index: what the results show, and its words already normalized, one text
 * per field (words separated by a space). The search page then neither downloads the whole referential nor
 * normalizes its 380 KB of text on opening.
 */
export interface SearchIndexEntry extends SearchedCriterion {
  words: string[];
}

export const toSearchIndex = (criteria: readonly Criterion[]): SearchIndexEntry[] =>
  criteria.map(indexCriterion).map(({ criterion: { code, title, description }, fields }) => ({ code, title, description, words: fields.map(([words]) => words.join(' ')) }));

export const fromSearchIndex = (entries: readonly SearchIndexEntry[]): IndexedCriterion<SearchedCriterion>[] =>
  entries.map(({ code, title, description, words }) => ({
    criterion: { code, title, description },
    fields: words.map((text, i) => [text === '' ? [] : text.split(' '), FIELD_WEIGHTS[i] ?? 1]),
  }));

/** Criteria matching every word of the query (as a word prefix), best first; ties keep referential order. */
export function searchIndexed<C extends SearchedCriterion>(index: readonly IndexedCriterion<C>[], query: string): SearchHit<C>[] {
  const terms = searchWords(query).filter((t) => t.length > 1 || /\d/.test(t));
  if (terms.length === 0) return [];
  const hits: SearchHit<C>[] = [];
  for (const { criterion, fields } of index) {
    let score = 0;
    for (const term of terms) {
      let best = 0;
      for (const [tokens, weight] of fields) {
        if (tokens.some((token) => token.startsWith(term))) best = Math.max(best, weight);
      }
      if (best === 0) {
        score = 0;
        break;
      }
      score += best;
    }
    if (score > 0) hits.push({ criterion, score });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** The same, for a one-off search over a list of criteria. */
export const searchCriteria = (criteria: readonly Criterion[], query: string): SearchHit[] => searchIndexed(criteria.map(indexCriterion), query);
