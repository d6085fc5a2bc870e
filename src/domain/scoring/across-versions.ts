/**
 * Comparing campaigns rated against different versions of the referential: the older campaign's answers are
 * carried to the newer version through the migration tables, exactly as when a campaign starts from another
 * (a merged criterion takes the lowest level of those it joins, a split one the level of its source), then scored
 * with the newer campaign's scope. A criterion new in the newer version has no level and does not count.
 */
import type { Rating } from '../evaluation/model';
import { carryThroughPath, type MigrationTable } from '../referential/migration';

export function ratingsCarriedTo(path: readonly MigrationTable[], ratings: readonly Rating[]): Map<string, Rating> {
  const carried = carryThroughPath(
    path,
    ratings.map((r) => ({ criterionCode: r.criterionCode, level: r.level, notApplicable: r.notApplicable, comment: '' })),
  );
  return new Map(
    carried
      .filter((c) => c.sources.length > 0)
      .map((c): [string, Rating] => [
        c.criterionCode,
        { campaignId: '', criterionCode: c.criterionCode, level: c.level as Rating['level'], notApplicable: c.notApplicable, comment: '', toReview: false, carriedOver: false, updatedAt: '' },
      ]),
  );
}
