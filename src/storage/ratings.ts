/** One rating per campaign and criterion, written at once on every change (autosave). */
import { emptyRating } from '../domain/evaluation/campaign';
import type { Rating } from '../domain/evaluation/model';
import { summarize, withRating } from '../domain/evaluation/progress-summary';
import type { CapDatabase } from './db';

export type RatingChange = Partial<Pick<Rating, 'level' | 'notApplicable' | 'comment' | 'toReview' | 'carriedOver' | 'retainedReason'>>;

export async function saveRating(db: CapDatabase, campaignId: string, criterionCode: string, change: RatingChange): Promise<Rating> {
  return db.transaction('rw', db.ratings, db.progress, async () => {
    const at = new Date().toISOString();
    const current = (await db.ratings.get([campaignId, criterionCode])) ?? emptyRating(campaignId, criterionCode, at);
    const next: Rating = { ...current, ...change, updatedAt: at };
    const summary = (await db.progress.get(campaignId)) ?? summarize(campaignId, []);
    await db.ratings.put(next);
    await db.progress.put(withRating(summary, next));
    return next;
  });
}
