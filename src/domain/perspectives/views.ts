/**
 * Participants' views side by side. CAP is participative: director, permanents, employees in pathways,
 * board members and volunteers may each rate a criterion; where their levels lie two or more apart, the
 * criterion is a point to discuss before the team retains a level.
 */
import type { Participant, ParticipantView, Rating } from '../evaluation/model';
import type { Criterion } from '../referential/model';

/** Levels this far apart (or more) make a criterion a discussion point. */
export const DIVERGENCE_THRESHOLD = 2;

export interface ViewComparison {
  /** Participants who gave a level (N/A views are counted apart). */
  levels: number[];
  notApplicable: number;
  min: number | null;
  max: number | null;
  /** max − min over the levels given; 0 with fewer than two levels. */
  spread: number;
  divergent: boolean;
}

export function compareViews(views: readonly Pick<ParticipantView, 'level' | 'notApplicable'>[]): ViewComparison {
  const levels = views.flatMap((v) => (!v.notApplicable && v.level !== null ? [v.level] : []));
  const min = levels.length > 0 ? Math.min(...levels) : null;
  const max = levels.length > 0 ? Math.max(...levels) : null;
  const spread = min === null || max === null ? 0 : max - min;
  return { levels, notApplicable: views.filter((v) => v.notApplicable).length, min, max, spread, divergent: spread >= DIVERGENCE_THRESHOLD };
}

/** The views of the campaign's current participants: someone removed from the campaign no longer counts. */
export function viewsOfParticipants(participants: readonly Participant[], views: readonly ParticipantView[]): ParticipantView[] {
  const known = new Set(participants.map((p) => p.id));
  return views.filter((v) => known.has(v.participantId));
}

export interface DiscussionPoint {
  criterion: Criterion;
  comparison: ViewComparison;
  /** Each participant's view, in the campaign's order of participants (null: no view given). */
  views: { participant: Participant; view: ParticipantView | null }[];
  retained: Rating | undefined;
}

/** Every criterion of the scope on which views diverge, in reading order, the widest spreads first. */
export function discussionPoints(
  scope: readonly Criterion[],
  participants: readonly Participant[],
  views: readonly ParticipantView[],
  ratings: ReadonlyMap<string, Rating>,
): DiscussionPoint[] {
  const byCriterion = new Map<string, ParticipantView[]>();
  for (const view of viewsOfParticipants(participants, views)) {
    byCriterion.set(view.criterionCode, [...(byCriterion.get(view.criterionCode) ?? []), view]);
  }
  return scope
    .flatMap((criterion): DiscussionPoint[] => {
      const given = byCriterion.get(criterion.code) ?? [];
      const comparison = compareViews(given);
      if (!comparison.divergent) return [];
      const views = participants.map((participant) => ({ participant, view: given.find((v) => v.participantId === participant.id) ?? null }));
      return [{ criterion, comparison, views, retained: ratings.get(criterion.code) }];
    })
    .sort((a, b) => b.comparison.spread - a.comparison.spread);
}
