/** Which criteria a campaign rates, and how far the rating has gone. */
import type { Criterion, Referential } from '../referential/model';
import type { Campaign, Rating, StructureType } from './model';
import { progressFromSummary, summarize } from './progress-summary';

/** A criterion is in scope when it applies to one of the structure's types and belongs to one of the campaign's tracks. */
export function isInScope(criterion: Criterion, types: readonly StructureType[], tracks: Campaign['tracks']): boolean {
  const typeOk = criterion.appliesTo === 'ALL' || criterion.appliesTo.some((t) => types.includes(t as StructureType));
  return typeOk && criterion.tracks.some((t) => tracks.includes(t));
}

export function criteriaInScope(referential: Referential, types: readonly StructureType[], tracks: Campaign['tracks']): Criterion[] {
  return referential.criteria.filter((c) => isInScope(c, types, tracks));
}

export interface Progress {
  /** Criteria given a level. */
  rated: number;
  /** In-scope criteria not marked N/A. */
  applicable: number;
  notApplicable: number;
  toReview: number;
}

/** Counted by the same rule as the stored progress summaries, so the two can never disagree. */
export function progressOf(criteria: Criterion[], ratings: ReadonlyMap<string, Rating>): Progress {
  return progressFromSummary(criteria, summarize('', [...ratings.values()]));
}

export function progressByTheme(referential: Referential, criteria: Criterion[], ratings: ReadonlyMap<string, Rating>) {
  return referential.themes.map((theme) => ({
    theme,
    progress: progressOf(criteria.filter((c) => c.theme === theme.code), ratings),
  }));
}

export function ratingsByCode(ratings: readonly Rating[]): Map<string, Rating> {
  return new Map(ratings.map((r) => [r.criterionCode, r]));
}
