/** One rating per campaign and criterion, written at once on every change (autosave). */
import { emptyRating } from '../domain/evaluation/campaign';
import type { Rating } from '../domain/evaluation/model';
import type { CapDatabase } from './db';

export type RatingChange = Partial<Pick<Rating, 'level' | 'notApplicable' | 'comment' | 'toReview' | 'carriedOver'>>;

export async function saveRating(db: CapDatabase, campaignId: string, criterionCode: string, change: RatingChange): Promise<Rating> {
  return db.transaction('rw', db.ratings, async () => {
    const at = new Date().toISOString();
    const current = (await db.ratings.get([campaignId, criterionCode])) ?? emptyRating(campaignId, criterionCode, at);
    const next: Rating = { ...current, ...change, updatedAt: at };
    await db.ratings.put(next);
    return next;
  });
}
