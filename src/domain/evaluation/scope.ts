/** Which criteria a campaign rates, and how far the rating has gone. */
import type { Criterion, Referential } from '../referential/model';
import type { Campaign, Rating } from './model';
import { progressFromSummary, summarize } from './progress-summary';
import { appliesToStructure, asItBinds, targetsOf } from '../structure/applicability';
import type { StructureProfile } from '../structure/profile';

/**
 * The criteria a campaign rates: those that apply to the structure (its conventionnements, legal form, group) and
 * belong to one of the campaign's tracks, each as its legal duty binds this structure (see asItBinds).
 */
export function criteriaInScope(referential: Referential, profile: StructureProfile, tracks: Campaign['tracks']): Criterion[] {
  const targets = targetsOf(profile);
  return referential.criteria
    .filter((c) => appliesToStructure(c, targets) && c.tracks.some((t) => tracks.includes(t)))
    .map((c) => asItBinds(c, profile));
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
