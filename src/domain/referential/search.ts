/** Full-text search over criteria, offline, accent- and case-insensitive ("securite" finds « sécurité »). */
import type { Criterion } from './model';

export interface SearchHit {
  criterion: Criterion;
  score: number;
}

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

function words(text: string): string[] {
  return normalizeForSearch(text).split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
}

/** A criterion's words, normalized once: searching then compares prefixes only, at each keystroke. */
export interface IndexedCriterion {
  criterion: Criterion;
  /** Title words weigh most, then the description, then questions, evidence and level descriptors. */
  fields: [string[], number][];
}

export function indexCriterion(c: Criterion): IndexedCriterion {
  return {
    criterion: c,
    fields: [
      [words(`${c.code} ${c.title}`), 5],
      [words(c.description), 2],
      [words([...c.guidingQuestions, ...c.expectedEvidence, ...Object.values(c.levels), c.regulatoryBasis ?? ''].join(' ')), 1],
    ],
  };
}

/** Criteria matching every word of the query (as a word prefix), best first; ties keep referential order. */
export function searchIndexed(index: readonly IndexedCriterion[], query: string): SearchHit[] {
  const terms = words(query).filter((t) => t.length > 1 || /\d/.test(t));
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
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
