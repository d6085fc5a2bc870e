/**
 * The one scoring module: the screen, the exports and the PDF all call it, so figures never disagree.
 * Method (written out for users on /methode): a criterion scores level / 4; a sub-theme or a theme scores the
 * weighted mean of its applicable, rated criteria; the global score is the mean of the four theme scores.
 * N/A criteria are left out. Coverage (rated / applicable) travels with every score.
 */
import type { Rating } from '../evaluation/model';
import type { Criterion, Referential, SubTheme, Theme } from '../referential/model';

export interface Score {
  /** Between 0 and 1; null when no applicable criterion has been rated. */
  value: number | null;
  rated: number;
  applicable: number;
  /** rated / applicable (1 when nothing is applicable). */
  coverage: number;
  /** True while some applicable criterion is not rated: the score is provisional. */
  partial: boolean;
}

export function criterionScore(rating: Rating | undefined): number | null {
  if (!rating || rating.notApplicable || rating.level === null) return null;
  return rating.level / 4;
}

/** Weighted mean over the applicable (not N/A), rated criteria. */
export function scoreCriteria(criteria: readonly Criterion[], ratings: ReadonlyMap<string, Rating>): Score {
  let weighted = 0;
  let weights = 0;
  let rated = 0;
  let applicable = 0;
  for (const criterion of criteria) {
    const rating = ratings.get(criterion.code);
    if (rating?.notApplicable) continue;
    applicable++;
    const value = criterionScore(rating);
    if (value === null) continue;
    rated++;
    weighted += value * criterion.weight;
    weights += criterion.weight;
  }
  return {
    value: weights > 0 ? weighted / weights : null,
    rated,
    applicable,
    coverage: applicable > 0 ? rated / applicable : 1,
    partial: rated < applicable,
  };
}

export interface ThemeScore {
  theme: Theme;
  score: Score;
  subThemes: { subTheme: SubTheme; score: Score }[];
}

export interface RegulatoryAlert {
  criterion: Criterion;
  level: 0 | 1;
  /** Set when the duty starts at a threshold the profile does not tell: why it may apply (the criterion's rule). */
  mayApply?: string;
}

/** « SU.1.3 Titre — niveau 1 », and why it may apply when the profile cannot tell: the alert as every output writes it. */
export function describeAlert(alert: RegulatoryAlert): string {
  const base = `${alert.criterion.code} ${alert.criterion.title} — niveau ${alert.level}`;
  return alert.mayApply ? `${base} (obligation possible : ${alert.mayApply} ; précisez le profil de la structure)` : base;
}

export interface CampaignScores {
  /** Mean of the theme scores; partial when a theme is partial or has no score yet. */
  global: Score;
  themes: ThemeScore[];
  /** Regulatory criteria rated 0 or 1: shown whatever the averages say. */
  alerts: RegulatoryAlert[];
  /** The lowest-scoring theme, when at least two themes have a score. */
  weakestTheme: Theme | null;
}

export function scoreCampaign(referential: Referential, scope: readonly Criterion[], ratings: ReadonlyMap<string, Rating>): CampaignScores {
  const themes = referential.themes.map((theme): ThemeScore => {
    const inTheme = scope.filter((c) => c.theme === theme.code);
    return {
      theme,
      score: scoreCriteria(inTheme, ratings),
      subThemes: theme.subThemes
        .map((subTheme) => ({ subTheme, score: scoreCriteria(inTheme.filter((c) => c.subTheme === subTheme.code), ratings) }))
        .filter((s) => s.score.applicable > 0),
    };
  });
  const relevant = themes.filter((t) => t.score.applicable > 0);
  const scored = relevant.filter((t) => t.score.value !== null);
  const all = scoreCriteria(scope, ratings);
  const global: Score = {
    value: scored.length > 0 ? scored.reduce((sum, t) => sum + (t.score.value ?? 0), 0) / scored.length : null,
    rated: all.rated,
    applicable: all.applicable,
    coverage: all.coverage,
    partial: all.partial || scored.length < relevant.length,
  };
  const alerts = scope.flatMap((criterion): RegulatoryAlert[] => {
    const rating = ratings.get(criterion.code);
    return criterion.regulatory && !rating?.notApplicable && (rating?.level === 0 || rating?.level === 1)
      ? [criterion.regulatoryCondition ? { criterion, level: rating.level, mayApply: criterion.regulatoryCondition.rule } : { criterion, level: rating.level }]
      : [];
  });
  const weakest = scored.length >= 2 ? scored.reduce((low, t) => ((t.score.value ?? 1) < (low.score.value ?? 1) ? t : low)) : null;
  return { global, themes, alerts, weakestTheme: weakest?.theme ?? null };
}

/** A score as French users read it: « 67 % », or « — » when there is nothing to score. */
export function formatScore(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

/** « 67 % (provisoire) » while coverage is partial: the report's wording, in the PDF and its HTML twin. */
export function formatScoreWithStatus(score: Score): string {
  return `${formatScore(score.value)}${score.partial && score.value !== null ? ' (provisoire)' : ''}`;
}

export function formatCoverage(score: Score): string {
  return `${score.rated} / ${score.applicable} critères évalués`;
}
