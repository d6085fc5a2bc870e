/**
 * The self-assessment and an auditor's layer side by side. Both are scored by the one scoring module, so the
 * gap per theme is the difference of two scores computed exactly as everywhere else.
 */
import type { Rating } from '../evaluation/model';
import type { Criterion, Referential, Theme } from '../referential/model';
import { scoreCampaign, type Score } from '../scoring/score';
import type { AuditRating, SelfRatingSummary } from './model';

/** An auditor's ratings in the shape the scoring module reads. */
export function auditorLayer(ratings: readonly AuditRating[]): Map<string, Rating> {
  return new Map(
    ratings.map((r) => [
      r.criterionCode,
      {
        campaignId: r.auditId,
        criterionCode: r.criterionCode,
        level: r.notApplicable ? null : r.level,
        notApplicable: r.notApplicable ? { justification: r.comment || 'Non applicable selon l’auditeur' } : null,
        comment: r.comment,
        toReview: false,
        carriedOver: false,
        updatedAt: r.updatedAt,
      },
    ]),
  );
}

/** The self-ratings a request file carried, in the same shape. */
export function sharedSelfLayer(ratings: readonly SelfRatingSummary[]): Map<string, Rating> {
  return new Map(
    ratings.map((r) => [
      r.criterionCode,
      {
        campaignId: '',
        criterionCode: r.criterionCode,
        level: r.notApplicable ? null : r.level,
        notApplicable: r.notApplicable ? { justification: 'Non applicable' } : null,
        comment: '',
        toReview: false,
        carriedOver: false,
        updatedAt: '',
      },
    ]),
  );
}

const levelOf = (rating: Rating | undefined) => (rating && !rating.notApplicable ? rating.level : null);

export interface CriterionGap {
  criterion: Criterion;
  self: Rating | undefined;
  auditor: Rating | undefined;
  /** Auditor's level − self level, when both gave a level. Negative: the auditor sees less than the team. */
  gap: number | null;
}

export interface ThemeGap {
  theme: Theme;
  self: Score;
  auditor: Score;
  /** Auditor's score − self score, in points of percentage (rounded), when both are scored. */
  gap: number | null;
}

export interface LayerComparison {
  criteria: CriterionGap[];
  themes: ThemeGap[];
  global: { self: Score; auditor: Score; gap: number | null };
}

const pointsBetween = (self: Score, auditor: Score) =>
  self.value === null || auditor.value === null ? null : Math.round(auditor.value * 100) - Math.round(self.value * 100);

export function compareLayers(
  referential: Referential,
  scope: readonly Criterion[],
  self: ReadonlyMap<string, Rating>,
  auditor: ReadonlyMap<string, Rating>,
): LayerComparison {
  const selfScores = scoreCampaign(referential, scope, self);
  const auditorScores = scoreCampaign(referential, scope, auditor);
  return {
    criteria: scope.map((criterion) => {
      const s = self.get(criterion.code);
      const a = auditor.get(criterion.code);
      const sl = levelOf(s);
      const al = levelOf(a);
      return { criterion, self: s, auditor: a, gap: sl === null || al === null ? null : al - sl };
    }),
    themes: selfScores.themes
      .map((t, i) => ({ theme: t.theme, self: t.score, auditor: auditorScores.themes[i]!.score }))
      .filter((t) => t.self.applicable > 0 || t.auditor.applicable > 0)
      .map((t) => ({ ...t, gap: pointsBetween(t.self, t.auditor) })),
    global: { self: selfScores.global, auditor: auditorScores.global, gap: pointsBetween(selfScores.global, auditorScores.global) },
  };
}

/** « +1 », « −2 », « 0 » or « — »: a gap as the tables print it. */
export function formatGap(gap: number | null, unit = ''): string {
  if (gap === null) return '—';
  return `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${Math.abs(gap)}${unit}`;
}
