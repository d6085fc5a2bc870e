/** One rating per campaign and criterion, written at once on every change (autosave). */
import { emptyRating } from '../domain/evaluation/campaign';
import type { Rating } from '../domain/evaluation/model';
import { summarize, withRating } from '../domain/evaluation/progress-summary';
import type { CapDatabase } from './db';

export type RatingChange = Partial<Pick<Rating, 'level' | 'notApplicable' | 'comment' | 'toReview' | 'carriedOver' | 'retainedReason'>>;

export async function saveRating(db: CapDatabase, campaignId: string, criterionCode: string, change: RatingChange): Promise<Rating> {
  return db.transaction('rw', db.ratings, db.progress, async () => {
    const at = new Date().toISOString();
    // Both reads, then both writes, in flight together: each IndexedDB round trip waits for the browser's next
    // turn, so four in a row cost about twice two.
    const [stored, storedSummary] = await Promise.all([db.ratings.get([campaignId, criterionCode]), db.progress.get(campaignId)]);
    const next: Rating = { ...(stored ?? emptyRating(campaignId, criterionCode, at)), ...change, updatedAt: at };
    const summary = storedSummary ?? summarize(campaignId, []);
    const nextSummary = withRating(summary, next);
    // A new level or comment leaves the summary as it was: one record to write and commit, not two.
    const writes: Promise<unknown>[] = [db.ratings.put(next)];
    if (nextSummary !== storedSummary) writes.push(db.progress.put(nextSummary));
    await Promise.all(writes);
    return next;
  });
}
