/**
 * A campaign's progress in a few short lists of codes, kept beside the ratings so that the list of campaigns
 * shows its progress without reading every rating (and its comment) of every campaign.
 */
import type { Criterion } from '../referential/model';
import type { Rating } from './model';
import type { Progress } from './scope';

export interface ProgressSummary {
  campaignId: string;
  rated: string[];
  notApplicable: string[];
  toReview: string[];
}

const without = (codes: string[], code: string) => codes.filter((c) => c !== code);

/**
 * The summary after one rating changed: its code moves to the lists it now belongs to. Most changes (another
 * level, a comment) move nothing: the same summary is then given back, so that it need not be written again.
 */
export function withRating(summary: ProgressSummary, rating: Rating): ProgressSummary {
  const code = rating.criterionCode;
  const isNa = rating.notApplicable !== null;
  const isRated = !isNa && rating.level !== null;
  const unmoved =
    summary.rated.includes(code) === isRated && summary.notApplicable.includes(code) === isNa && summary.toReview.includes(code) === rating.toReview;
  if (unmoved) return summary;
  return {
    campaignId: summary.campaignId,
    rated: isRated ? [...without(summary.rated, code), code] : without(summary.rated, code),
    notApplicable: isNa ? [...without(summary.notApplicable, code), code] : without(summary.notApplicable, code),
    toReview: rating.toReview ? [...without(summary.toReview, code), code] : without(summary.toReview, code),
  };
}

/** The summary of a campaign's ratings: the same lists as applying withRating to each in turn, built in one pass. */
export function summarize(campaignId: string, ratings: readonly Rating[]): ProgressSummary {
  const last = new Map<string, Rating>();
  for (const rating of ratings) last.set(rating.criterionCode, rating);
  const summary: ProgressSummary = { campaignId, rated: [], notApplicable: [], toReview: [] };
  for (const [code, rating] of last) {
    const isNa = rating.notApplicable !== null;
    if (isNa) summary.notApplicable.push(code);
    else if (rating.level !== null) summary.rated.push(code);
    if (rating.toReview) summary.toReview.push(code);
  }
  return summary;
}

/** The same figures as progressOf, from the summary. */
export function progressFromSummary(scope: readonly Criterion[], summary: ProgressSummary | undefined): Progress {
  const rated = new Set(summary?.rated);
  const na = new Set(summary?.notApplicable);
  const toReview = new Set(summary?.toReview);
  const progress: Progress = { rated: 0, applicable: 0, notApplicable: 0, toReview: 0 };
  for (const { code } of scope) {
    if (toReview.has(code)) progress.toReview++;
    if (na.has(code)) {
      progress.notApplicable++;
      continue;
    }
    progress.applicable++;
    if (rated.has(code)) progress.rated++;
  }
  return progress;
}
