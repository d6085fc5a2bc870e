/**
 * Suggestions for the plan de progrès, drawn from the gaps: priority = weight × (target level − level),
 * regulatory alerts first. Each suggestion drafts its action from the next level's descriptor.
 */
import type { Rating } from '../evaluation/model';
import type { Level } from '../referential/constants';
import type { Criterion, Referential } from '../referential/model';
import type { Priority, ProgressAction } from './model';
import { isOpen } from './model';

export interface Suggestion {
  criterion: Criterion;
  level: Level;
  targetLevel: Level;
  /** weight × (target − level) */
  gap: number;
  regulatoryAlert: boolean;
  priority: Priority;
  draft: { title: string; notes: string; resources: string };
}

export const DEFAULT_TARGET_LEVEL: Level = 3;

export function suggestActions(
  referential: Referential,
  scope: readonly Criterion[],
  ratings: ReadonlyMap<string, Rating>,
  options: { targetLevel?: Level; actions?: readonly Pick<ProgressAction, 'criterionCodes' | 'status'>[]; dismissed?: ReadonlySet<string> } = {},
): Suggestion[] {
  const target = options.targetLevel ?? DEFAULT_TARGET_LEVEL;
  const covered = new Set((options.actions ?? []).filter(isOpen).flatMap((a) => a.criterionCodes));
  const suggestions: Suggestion[] = [];
  for (const criterion of scope) {
    const rating = ratings.get(criterion.code);
    if (!rating || rating.notApplicable || rating.level === null) continue;
    if (covered.has(criterion.code) || options.dismissed?.has(criterion.code)) continue;
    const regulatoryAlert = criterion.regulatory && rating.level <= 1;
    if (rating.level >= target && !regulatoryAlert) continue;
    const next = Math.min(rating.level + 1, 4) as Level;
    const gap = criterion.weight * Math.max(target - rating.level, 0);
    const label = referential.scale.levels[next]?.label ?? String(next);
    suggestions.push({
      criterion,
      level: rating.level,
      targetLevel: target,
      gap,
      regulatoryAlert,
      priority: regulatoryAlert || gap >= 6 ? 'haute' : gap >= 3 ? 'moyenne' : 'basse',
      draft: {
        title: `${criterion.code} – passer au niveau ${next} « ${label} » : ${criterion.title}`,
        notes: `Objectif (niveau ${next}) : ${criterion.levels[next]}`,
        resources: criterion.cooraceResources.join(' ; '),
      },
    });
  }
  return suggestions.sort(
    (a, b) => Number(b.regulatoryAlert) - Number(a.regulatoryAlert) || b.gap - a.gap || scope.indexOf(a.criterion) - scope.indexOf(b.criterion),
  );
}
